package cn.fazhiduban.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Logs every login, API and webapp alike, under the logger {@code cn.fazhiduban.security.login}: who, from where, and
 * whether it succeeded. Passwords never appear.
 */
@Component
class LoginAuditLog {

  static final Logger log = LoggerFactory.getLogger("cn.fazhiduban.security.login");

  @EventListener
  void succeeded(AuthenticationSuccessEvent event) {
    log.debug("接口登录成功：用户 {}", event.getAuthentication().getName());
  }

  @EventListener
  void failed(AbstractAuthenticationFailureEvent event) {
    log.warn("接口登录失败：用户 {}（{}）", event.getAuthentication().getName(), event.getException().getMessage());
  }

  /** The Camunda webapps' own login form posts to /camunda/api/admin/auth/user/{engine}/login/{app}. */
  static class WebappLoginFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !("POST".equals(request.getMethod()) && request.getRequestURI().contains("/api/admin/auth/user/")
          && request.getRequestURI().contains("/login/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String user = request.getParameter("username");
      chain.doFilter(request, response);
      int status = response.getStatus();
      if (status < 300) {
        log.info("网页登录成功：用户 {}，来自 {}", user, request.getRemoteAddr());
      } else {
        log.warn("网页登录失败：用户 {}，来自 {}，状态 {}", user, request.getRemoteAddr(), status);
      }
    }
  }
}
