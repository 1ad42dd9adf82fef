package cn.fazhiduban.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Request paths as the server acts on them, so that a guard cannot be dodged by spelling:
 * percent-encoded characters decoded, {@code ;} parameters and empty segments (trailing or double
 * slashes) dropped. {@code .} and {@code ..} segments make the path invalid.
 */
final class EnginePaths {

  private static final Pattern WEBAPP_ENGINE =
      Pattern.compile("^/camunda/api/engine/engine/([^/]+)(/.*)?$");
  private static final String ENGINE_REST = "/engine-rest";

  private EnginePaths() {}

  /**
   * Where a request goes into the engine's REST API.
   *
   * @param engine the engine's name ({@code default}), {@code null} for /engine-rest
   * @param path the resource path below the engine, e.g. {@code /task/42/complete}
   * @param webapp whether it came through the webapps' session API
   */
  record EngineCall(String engine, String path, boolean webapp) {

    List<String> segments() {
      List<String> segments = new ArrayList<>();
      for (String segment : path.split("/")) {
        if (!segment.isEmpty()) {
          segments.add(segment);
        }
      }
      return segments;
    }
  }

  /** The normalised path below the context path, or {@code null} when it cannot be read. */
  static String normalise(String requestUri, String contextPath) {
    String raw =
        requestUri.startsWith(contextPath)
            ? requestUri.substring(contextPath.length())
            : requestUri;
    StringBuilder path = new StringBuilder();
    for (String segment : raw.split("/")) {
      int semicolon = segment.indexOf(';');
      String plain = semicolon < 0 ? segment : segment.substring(0, semicolon);
      String decoded;
      try {
        decoded = URLDecoder.decode(plain.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
      if (decoded.isEmpty()) {
        continue;
      }
      if (decoded.equals(".")
          || decoded.equals("..")
          || decoded.contains("/")
          || decoded.contains("\\")) {
        return null;
      }
      path.append('/').append(decoded);
    }
    return path.isEmpty() ? "/" : path.toString();
  }

  /** The engine call a normalised path makes, or {@code null} for anything else. */
  static EngineCall engineCall(String path) {
    if (path.equals(ENGINE_REST) || path.startsWith(ENGINE_REST + "/")) {
      String rest = path.substring(ENGINE_REST.length());
      // /engine-rest/engine/{name}/… addresses a named engine; there is only the default one.
      Matcher named = Pattern.compile("^/engine/([^/]+)(/.*)?$").matcher(rest);
      if (named.matches()) {
        return new EngineCall(named.group(1), named.group(2) == null ? "/" : named.group(2), false);
      }
      return new EngineCall(null, rest.isEmpty() ? "/" : rest, false);
    }
    Matcher webapp = WEBAPP_ENGINE.matcher(path);
    if (webapp.matches()) {
      return new EngineCall(webapp.group(1), webapp.group(2) == null ? "/" : webapp.group(2), true);
    }
    return null;
  }
}
