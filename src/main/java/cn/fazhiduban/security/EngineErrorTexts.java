package cn.fazhiduban.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine's REST API and the webapps' engine API answer a refused request (4xx) with the
 * engine's English message, such as "An unbound number of results is forbidden!" or "The user with
 * id 'zzrsb1' does not have 'UPDATE' permission on resource …". Such an answer gets a Chinese
 * {@code message} by its type and status; the engine's words stay in {@code detail} for whoever
 * calls the API, and {@code type} and {@code code} are kept for programs. A message that is Chinese
 * already (our form checks, our guard) is left as it is, and so is everything that is not a JSON
 * error object.
 */
class EngineErrorTexts extends OncePerRequestFilter {

  /** Larger bodies are not error objects; they pass untouched. */
  private static final int MAX_BODY = 64 * 1024;

  private final ObjectMapper mapper;

  EngineErrorTexts(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Held held = new Held(request, response);
    chain.doFilter(request, held);
    if (held.holding()) {
      byte[] body = held.body.toByteArray();
      byte[] answer = held.overflowed ? body : translate(held.status, body);
      if (!held.overflowed) {
        response.setContentLength(answer.length);
      }
      response.getOutputStream().write(answer);
      response.flushBuffer();
    }
  }

  /** The body with a Chinese message, or as it was. */
  byte[] translate(int status, byte[] body) {
    JsonNode json;
    try {
      json = mapper.readTree(body);
    } catch (IOException notJson) {
      return body;
    }
    if (!(json instanceof ObjectNode error) || !error.path("message").isTextual()) {
      return body;
    }
    String message = error.path("message").asText();
    if (isChinese(message)) {
      return body;
    }
    error.put("message", chinese(status, error.path("type").asText("")));
    error.put("detail", message);
    try {
      return mapper.writeValueAsBytes(error);
    } catch (IOException e) {
      return body;
    }
  }

  static String chinese(int status, String type) {
    if (status == 401) {
      return "请先登录，或登录已过期。";
    }
    if (status == 403 || type.equals("AuthorizationException")) {
      return "没有权限执行此操作。";
    }
    if (status == 404) {
      return "未找到所请求的对象：它可能已被办理、撤销或删除。";
    }
    if (status == 409 || type.equals("OptimisticLockingException")) {
      return "该对象已被他人修改，请刷新后重试。";
    }
    if (status == 405) {
      return "不支持此请求方法。";
    }
    if (status == 415) {
      return "不支持此请求的内容格式。";
    }
    if (status == 400) {
      return "请求的参数有误，未予处理。";
    }
    return "请求未被处理（HTTP " + status + "）。";
  }

  private static boolean isChinese(String text) {
    return text.codePoints()
        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  /**
   * Passes everything through, except the body of a 4xx answer whose status is set before it is
   * written: that is held until the chain returns (its length too, which will change).
   */
  private static final class Held extends HttpServletResponseWrapper {
    private int status;
    private boolean hold;
    private boolean overflowed;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private ServletOutputStream stream;
    private PrintWriter writer;
    private final HttpServletRequest request;

    Held(HttpServletRequest request, HttpServletResponse response) {
      super(response);
      this.request = request;
    }

    boolean holding() throws IOException {
      if (writer != null) {
        writer.flush();
      }
      return hold;
    }

    @Override
    public void setStatus(int code) {
      super.setStatus(code);
      // an asynchronous answer (long polling) is written after this filter has returned: not held
      if (stream == null && writer == null && !isCommitted() && !request.isAsyncStarted()) {
        status = code;
        hold = code >= 400 && code < 500;
      }
    }

    @Override
    public void setContentLength(int length) {
      if (!hold) {
        super.setContentLength(length);
      }
    }

    @Override
    public void setContentLengthLong(long length) {
      if (!hold) {
        super.setContentLengthLong(length);
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (!(hold && "Content-Length".equalsIgnoreCase(name))) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!(hold && "Content-Length".equalsIgnoreCase(name))) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!hold) {
        super.flushBuffer();
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (!hold) {
        return super.getOutputStream();
      }
      if (stream == null) {
        stream =
            new ServletOutputStream() {
              @Override
              public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
              }

              @Override
              public void write(byte[] bytes, int offset, int length) throws IOException {
                if (!overflowed && body.size() + length > MAX_BODY) {
                  // not an error object: send what was held and the rest as it comes
                  overflowed = true;
                  HttpServletResponse real = (HttpServletResponse) getResponse();
                  real.getOutputStream().write(body.toByteArray());
                  body.reset();
                }
                if (overflowed) {
                  getResponse().getOutputStream().write(bytes, offset, length);
                } else {
                  body.write(bytes, offset, length);
                }
              }

              @Override
              public boolean isReady() {
                return true;
              }

              @Override
              public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("错误答复不以异步方式写出");
              }
            };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (!hold) {
        return super.getWriter();
      }
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
      }
      return writer;
    }
  }
}
