package cn.fazhiduban.security;

import cn.fazhiduban.web.ApiErrors;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A server error never shows its insides: where the engine's REST API, the webapps' API or ours
 * answers 5xx (or throws), the client gets a generic Chinese message with a reference id, and the
 * log gets the same id with what the answer would have said (and the exception, where one was
 * thrown).
 */
class ServerErrorShield extends OncePerRequestFilter {

  static final Logger log = LoggerFactory.getLogger(ServerErrorShield.class);
  private static final int KEEP = 4096;

  private final ObjectMapper mapper;

  ServerErrorShield(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Shielded shielded = new Shielded(request, response);
    try {
      chain.doFilter(request, shielded);
    } catch (IOException | ServletException | RuntimeException e) {
      String reference = reference();
      log.error(
          "参考编号 {}：{} {} 处理失败",
          reference,
          request.getMethod(),
          LogText.safe(request.getRequestURI()),
          e);
      writeGeneric(response, reference);
      return;
    }
    if (shielded.failed) {
      shielded.flushSwallowed();
      String reference = reference();
      log.error(
          "参考编号 {}：{} {} 答复 {}：{}",
          reference,
          request.getMethod(),
          LogText.safe(request.getRequestURI()),
          shielded.status,
          LogText.safe(shielded.swallowed.toString(StandardCharsets.UTF_8)));
      writeGeneric(response, reference);
    }
  }

  private void writeGeneric(HttpServletResponse response, String reference) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.reset();
    response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    mapper.writeValue(
        response.getOutputStream(),
        ApiErrors.body(
            "internal-error",
            "服务器内部错误，请稍后重试；如问题持续，请把参考编号 " + reference + " 告诉管理员。",
            Map.of("reference", reference)));
  }

  private static String reference() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Passes everything through until a 5xx status is set; from then on the body is kept aside, not
   * sent.
   */
  private static final class Shielded extends HttpServletResponseWrapper {
    private boolean failed;
    private int status;
    private final ByteArrayOutputStream swallowed = new ByteArrayOutputStream();
    private ServletOutputStream swallowingStream;
    private PrintWriter swallowingWriter;
    private PrintWriter passingWriter;

    private final HttpServletRequest request;

    Shielded(HttpServletRequest request, HttpServletResponse response) {
      super(response);
      this.request = request;
    }

    private void mark(int code) {
      // Our own API's handler has already answered generically, with a reference in its log line.
      if (code >= 500
          && !isCommitted()
          && request.getAttribute(ApiErrors.REFERENCE_ATTRIBUTE) == null) {
        failed = true;
        status = code;
      }
    }

    @Override
    public void setStatus(int code) {
      mark(code);
      if (!failed) {
        super.setStatus(code);
      }
    }

    @Override
    public void sendError(int code) throws IOException {
      mark(code);
      if (!failed) {
        super.sendError(code);
      }
    }

    @Override
    public void sendError(int code, String message) throws IOException {
      mark(code);
      if (!failed) {
        super.sendError(code, message);
      } else {
        keep(message.getBytes(StandardCharsets.UTF_8), 0, message.length());
      }
    }

    private void keep(byte[] bytes, int offset, int length) {
      int room = KEEP - swallowed.size();
      if (room > 0) {
        swallowed.write(bytes, offset, Math.min(room, Math.min(length, bytes.length - offset)));
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (!failed) {
        ServletOutputStream real = super.getOutputStream();
        return new ServletOutputStream() {
          @Override
          public void write(int b) throws IOException {
            if (failed) {
              keep(new byte[] {(byte) b}, 0, 1);
            } else {
              real.write(b);
            }
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            if (failed) {
              keep(b, off, len);
            } else {
              real.write(b, off, len);
            }
          }

          @Override
          public void flush() throws IOException {
            if (!failed) {
              real.flush();
            }
          }

          @Override
          public boolean isReady() {
            return real.isReady();
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            real.setWriteListener(listener);
          }
        };
      }
      if (swallowingStream == null) {
        swallowingStream =
            new ServletOutputStream() {
              @Override
              public void write(int b) {
                keep(new byte[] {(byte) b}, 0, 1);
              }

              @Override
              public void write(byte[] b, int off, int len) {
                keep(b, off, len);
              }

              @Override
              public boolean isReady() {
                return true;
              }

              @Override
              public void setWriteListener(WriteListener listener) {}
            };
      }
      return swallowingStream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (!failed) {
        // Writes through our stream, so a 5xx status set later still diverts what follows.
        if (passingWriter == null) {
          passingWriter =
              new PrintWriter(
                  new OutputStreamWriter(getOutputStream(), getCharacterEncoding()), true);
        }
        return passingWriter;
      }
      if (swallowingWriter == null) {
        swallowingWriter =
            new PrintWriter(
                new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8), true);
      }
      return swallowingWriter;
    }

    void flushSwallowed() {
      if (passingWriter != null) {
        passingWriter.flush();
      }
      if (swallowingWriter != null) {
        swallowingWriter.flush();
      }
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!failed) {
        super.flushBuffer();
      }
    }
  }
}
