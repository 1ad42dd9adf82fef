package cn.fazhiduban.plan;

import cn.fazhiduban.plan.parse.PlanParseException;
import cn.fazhiduban.web.ApiErrors;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A plan that cannot be read is a 400 naming the line; ordered before the catch-all advice in {@code web}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PlanExceptionHandler {

  @ExceptionHandler(PlanParseException.class)
  ResponseEntity<Map<String, Object>> planParse(PlanParseException e) {
    Map<String, Object> details = new HashMap<>();
    if (e.line() != null) {
      details.put("line", e.line());
    }
    return ApiErrors.response(HttpStatus.BAD_REQUEST, e.code(), e.getMessage(), details);
  }
}
