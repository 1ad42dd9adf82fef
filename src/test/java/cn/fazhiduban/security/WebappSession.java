package cn.fazhiduban.security;

import cn.fazhiduban.support.Api;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser's session with the Camunda webapps, driven the way the webapps drive it: the login
 * form's POST to {@code /camunda/api/admin/auth/user/default/login/tasklist}, the session cookie,
 * and the {@code XSRF-TOKEN} cookie sent back as the {@code X-XSRF-TOKEN} header on every change.
 */
final class WebappSession {

  static final String ENGINE = "/camunda/api/engine/engine/default";

  private final String base;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient client;
  final int loginStatus;

  WebappSession(int port, String user, String password) {
    this(port, user, password, "tasklist");
  }

  WebappSession(int port, String user, String password, String app) {
    this.base = "http://localhost:" + port;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
    send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).GET());
    String form =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    loginStatus =
        send(withToken(
                    HttpRequest.newBuilder(
                        URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)))
            .status();
    // Logging in starts a new session without a token; the webapp's next GET fetches one, as the
    // page does.
    send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default")).GET());
  }

  Api.Response get(String path) {
    return send(
        withToken(HttpRequest.newBuilder(URI.create(base + path)))
            .header("Accept", "application/json")
            .GET());
  }

  Api.Response postJson(String path, String json) {
    return post(path, json.getBytes(StandardCharsets.UTF_8));
  }

  Api.Response post(String path, byte[] json) {
    return send(
        withToken(HttpRequest.newBuilder(URI.create(base + path)))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json)));
  }

  private HttpRequest.Builder withToken(HttpRequest.Builder request) {
    for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
      if (cookie.getName().equals("XSRF-TOKEN")) {
        request.header("X-XSRF-TOKEN", cookie.getValue());
      }
    }
    return request;
  }

  private Api.Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Api.Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
