package cn.fazhiduban.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one shape of every error we send: {@code {"error": "<code>", "message": "<Chinese>", ...}}.
 */
public final class ApiErrors {

  /**
   * Request attribute: the reference id of a server error whose generic answer and log line are
   * already written.
   */
  public static final String REFERENCE_ATTRIBUTE = "cn.fazhiduban.error.reference";

  private ApiErrors() {}

  public static Map<String, Object> body(String code, String message, Map<String, Object> details) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("message", message);
    body.putAll(details);
    return body;
  }

  public static ResponseEntity<Map<String, Object>> response(
      HttpStatus status, String code, String message) {
    return response(status, code, message, Map.of());
  }

  public static ResponseEntity<Map<String, Object>> response(
      HttpStatus status, String code, String message, Map<String, Object> details) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body(code, message, details));
  }

  /** For filters, where no controller advice applies. */
  public static void write(
      HttpServletResponse response,
      ObjectMapper mapper,
      HttpStatus status,
      String code,
      String message)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    mapper.writeValue(response.getOutputStream(), body(code, message, Map.of()));
  }
}
