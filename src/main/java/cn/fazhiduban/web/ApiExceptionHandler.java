package cn.fazhiduban.web;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of our API into JSON with a Chinese message; no stack trace leaves the
 * server.
 */
/** Feature packages add their own advice ahead of this one; its catch-all comes last. */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Map<String, Object>> api(ApiException e) {
    return ApiErrors.response(e.status(), e.code(), e.getMessage(), e.details());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> notReadable(HttpMessageNotReadableException e) {
    if (e.getMostSpecificCause() instanceof RequestTooLargeException) {
      return ApiErrors.response(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "请求内容过大，未予处理。");
    }
    return ApiErrors.response(
        HttpStatus.BAD_REQUEST, "malformed-request", "请求内容无法解析，请检查格式（例如 JSON 是否完整）。");
  }

  @ExceptionHandler({
    MissingServletRequestParameterException.class,
    MissingServletRequestPartException.class
  })
  ResponseEntity<Map<String, Object>> missing(Exception e) {
    return ApiErrors.response(HttpStatus.BAD_REQUEST, "missing-parameter", "缺少必需的参数或文件。");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException e) {
    return ApiErrors.response(HttpStatus.BAD_REQUEST, "invalid", "参数 " + e.getName() + " 的值无效。");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
    return ApiErrors.response(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "unsupported-media-type",
        "不支持的内容类型。请以 text/plain（UTF-8）或 multipart/form-data（字段 file）提交。");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
    return ApiErrors.response(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "不支持该请求方法。");
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
    return ApiErrors.response(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "上传的文件过大，单个文件不能超过 20 MB。");
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Map<String, Object>> multipart(MultipartException e) {
    return ApiErrors.response(HttpStatus.BAD_REQUEST, "malformed-request", "上传内容无法读取，请重新选择文件后提交。");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Map<String, Object>> noResource(NoResourceFoundException e) {
    return ApiErrors.response(HttpStatus.NOT_FOUND, "not-found", "请求的地址不存在。");
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Map<String, Object>> denied(AccessDeniedException e) {
    return ApiErrors.response(HttpStatus.FORBIDDEN, "forbidden", "您没有执行此操作的权限。");
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<Map<String, Object>> integrity(DataIntegrityViolationException e) {
    log.warn("数据校验失败，已回滚：{}", e.getMostSpecificCause().getMessage());
    return ApiErrors.response(
        HttpStatus.BAD_REQUEST, "rejected-by-database", "数据不符合存储要求（例如某段文字过长），本次操作未保存任何内容。");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> unexpected(
      Exception e, jakarta.servlet.http.HttpServletRequest request) {
    String reference = java.util.UUID.randomUUID().toString().substring(0, 8);
    request.setAttribute(ApiErrors.REFERENCE_ATTRIBUTE, reference);
    log.error("参考编号 {}：处理请求时发生未预期的错误", reference, e);
    return ApiErrors.response(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal-error",
        "服务器内部错误，请稍后重试；如问题持续，请把参考编号 " + reference + " 告诉管理员。",
        Map.of("reference", reference));
  }
}
