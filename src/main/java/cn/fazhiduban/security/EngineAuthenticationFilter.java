package cn.fazhiduban.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the user that Spring Security authenticated to the engine for the length of one engine REST
 * request, so that the engine acts as that user (task assignee, authorization checks) and never as
 * nobody. Our own {@code /api} applies its rules itself and then acts for the application, so it is
 * not filtered here.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identityService;

  EngineAuthenticationFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      chain.doFilter(request, response);
      return;
    }
    identityService.setAuthentication(
        authentication.getName(), GroupAuthorities.groupsOf(authentication));
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
