package cn.fazhiduban.security;

import cn.fazhiduban.web.ApiErrors;
import cn.fazhiduban.web.RequestTooLargeException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands in front of the engine's REST API and our own API:
 * <ul>
 *   <li>a task or filter query that carries an expression ({@code dueAfterExpression}, {@code candidateGroupExpression},
 *       …) is refused before the engine sees it, in query parameters and in JSON bodies, nested {@code orQueries}
 *       included: the engine would evaluate it, which amounts to running code;</li>
 *   <li>request bodies have a size limit, so an oversized upload is refused with JSON instead of filling memory.</li>
 * </ul>
 */
class EngineRestGuard extends OncePerRequestFilter {

  /** Task and filter queries: GET/POST /task, /task/count, /filter…, /history/task…. */
  private static final Pattern QUERY_PATHS = Pattern.compile("^/engine-rest/(task|task/count|filter(/.*)?|history/task(/count)?)$");

  private final ObjectMapper mapper;
  private final long apiMaxBytes;
  private final long engineMaxBytes;

  EngineRestGuard(ObjectMapper mapper, long apiMaxBytes, long engineMaxBytes) {
    this.mapper = mapper;
    this.apiMaxBytes = apiMaxBytes;
    this.engineMaxBytes = engineMaxBytes;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean engine = path.startsWith("/engine-rest/");
    long limit = engine ? engineMaxBytes : apiMaxBytes;
    if (request.getContentLengthLong() > limit) {
      ApiErrors.write(response, mapper, HttpStatus.PAYLOAD_TOO_LARGE, "too-large",
          "请求内容过大（超过 " + limit / (1024 * 1024) + " MB），未予处理。");
      return;
    }
    if (!engine || !QUERY_PATHS.matcher(path).matches()) {
      chain.doFilter(new LimitedRequest(request, limit), response);
      return;
    }
    for (String name : request.getParameterMap().keySet()) {
      if (isExpression(name)) {
        refuseExpression(response, name);
        return;
      }
    }
    byte[] body = request.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
    if (body.length > limit) {
      ApiErrors.write(response, mapper, HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "请求内容过大，未予处理。");
      return;
    }
    if (body.length > 0) {
      String found;
      try {
        found = expressionKey(mapper.readTree(body));
      } catch (JsonProcessingException e) {
        found = null; // not JSON: the engine answers that itself
      }
      if (found != null) {
        refuseExpression(response, found);
        return;
      }
    }
    chain.doFilter(new BufferedRequest(request, body), response);
  }

  private static boolean isExpression(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith("expression") || name.toLowerCase(Locale.ROOT).equals("expressions");
  }

  /** The first object key anywhere in the tree that names an expression, or {@code null}. */
  private static String expressionKey(JsonNode node) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (isExpression(field.getKey())) {
          return field.getKey();
        }
        String nested = expressionKey(field.getValue());
        if (nested != null) {
          return nested;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        String nested = expressionKey(element);
        if (nested != null) {
          return nested;
        }
      }
    }
    return null;
  }

  private void refuseExpression(HttpServletResponse response, String name) throws IOException {
    ApiErrors.write(response, mapper, HttpStatus.BAD_REQUEST, "expression-not-allowed",
        "出于安全原因，查询中不允许使用表达式（" + name + "）。");
  }

  /** A request whose body was read here and is handed on unchanged. */
  private static final class BufferedRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      return new StreamOf(new ByteArrayInputStream(body));
    }
  }

  /** A request whose body may not grow past the limit, for chunked uploads that announce no length. */
  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long limit;

    LimitedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      InputStream in = super.getInputStream();
      return new StreamOf(new InputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = in.read();
          count(b < 0 ? 0 : 1);
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = in.read(buffer, offset, length);
          count(Math.max(n, 0));
          return n;
        }

        private void count(int n) throws IOException {
          read += n;
          if (read > limit) {
            throw new RequestTooLargeException(limit);
          }
        }
      });
    }
  }

  private static final class StreamOf extends ServletInputStream {
    private final InputStream in;

    StreamOf(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      return in.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      return in.read(buffer, offset, length);
    }

    @Override
    public boolean isFinished() {
      try {
        return in.available() == 0;
      } catch (IOException e) {
        return true;
      }
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      throw new UnsupportedOperationException();
    }
  }
}
