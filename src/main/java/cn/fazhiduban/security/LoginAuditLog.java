package cn.fazhiduban.security;

import cn.fazhiduban.web.ApiErrors;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Logs every login, API and webapp alike, under the logger {@code cn.fazhiduban.security.login}:
 * who, from where, and whether it succeeded. Passwords never appear; user names are escaped ({@link
 * LogText}), so a name with a line break cannot forge a line.
 */
@Component
class LoginAuditLog {

  static final Logger log = LoggerFactory.getLogger("cn.fazhiduban.security.login");

  @EventListener
  void succeeded(AuthenticationSuccessEvent event) {
    log.debug(
        "接口登录成功：用户 {}，来自 {}",
        LogText.safe(event.getAuthentication().getName()),
        address(event.getAuthentication().getDetails()));
  }

  @EventListener
  void failed(AbstractAuthenticationFailureEvent event) {
    log.warn(
        "接口登录失败：用户 {}，来自 {}（{}）",
        LogText.safe(event.getAuthentication().getName()),
        address(event.getAuthentication().getDetails()),
        LogText.safe(event.getException().getMessage()));
  }

  private static String address(Object details) {
    return details instanceof WebAuthenticationDetails web
        ? LogText.safe(web.getRemoteAddress())
        : "未知";
  }

  /**
   * The Camunda webapps' own login form posts to /camunda/api/admin/auth/user/{engine}/login/{app}:
   * refused while the client address is throttled, counted when it fails, logged either way.
   */
  static class WebappLoginFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final ObjectMapper mapper;

    WebappLoginFilter(LoginThrottle throttle, ObjectMapper mapper) {
      this.throttle = throttle;
      this.mapper = mapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      String path = EnginePaths.normalise(request.getRequestURI(), request.getContextPath());
      return !("POST".equalsIgnoreCase(request.getMethod())
          && path != null
          && path.startsWith("/camunda/api/admin/auth/user/")
          && path.contains("/login/"));
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String address = request.getRemoteAddr();
      String user = LogText.safe(request.getParameter("username"));
      if (throttle.isBlocked(address)) {
        log.warn("网页登录被拒绝：来自 {} 的失败登录过多，暂停受理（用户 {}）", LogText.safe(address), user);
        ApiErrors.write(
            response,
            mapper,
            HttpStatus.TOO_MANY_REQUESTS,
            "too-many-logins",
            "登录失败次数过多，请稍后再试；如需立即解除，请联系管理员。");
        return;
      }
      chain.doFilter(request, response);
      int status = response.getStatus();
      if (status < 300) {
        log.info("网页登录成功：用户 {}，来自 {}", user, LogText.safe(address));
      } else {
        throttle.failed(address);
        log.warn("网页登录失败：用户 {}，来自 {}，状态 {}", user, LogText.safe(address), status);
      }
    }
  }
}
