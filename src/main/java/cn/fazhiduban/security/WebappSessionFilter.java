package cn.fazhiduban.security;

import cn.fazhiduban.web.ApiErrors;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a page of the Camunda webapps (an embedded form in Tasklist, a Cockpit plugin) call our
 * {@code /api} with the user's webapp session instead of HTTP Basic. The user is the one logged in
 * to the webapps for the default engine; the groups are read from the identity service on every
 * call, so a removed membership counts at once. A call that changes something must carry the
 * webapps' own CSRF token ({@code X-XSRF-TOKEN}, from the {@code XSRF-TOKEN} cookie), exactly as
 * the webapps' own API demands, or it is refused with 403. HTTP Basic, where sent, wins.
 */
class WebappSessionFilter extends OncePerRequestFilter {

  private static final String ENGINE = "default";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final IdentityService identityService;
  private final ObjectMapper mapper;

  WebappSessionFilter(IdentityService identityService, ObjectMapper mapper) {
    this.identityService = identityService;
    this.mapper = mapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
        || request.getHeader("Authorization") != null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    String user = session == null ? null : webappUser(session);
    if (user == null) {
      chain.doFilter(request, response);
      return;
    }
    if (!SAFE_METHODS.contains(request.getMethod()) && !csrfTokenMatches(request, session)) {
      ApiErrors.write(response, mapper, HttpStatus.FORBIDDEN, "csrf", "页面已过期，请刷新页面后重试。");
      return;
    }
    List<GrantedAuthority> authorities =
        identityService.createGroupQuery().groupMember(user).list().stream()
            .map(Group::getId)
            .<GrantedAuthority>map(id -> new SimpleGrantedAuthority(GroupAuthorities.of(id)))
            .toList();
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private String webappUser(HttpSession session) {
    Authentications authentications;
    try {
      authentications = AuthenticationUtil.getAuthsFromSession(session);
    } catch (IllegalStateException e) { // the session was invalidated meanwhile
      return null;
    }
    Authentication authentication =
        authentications == null ? null : authentications.getAuthenticationForProcessEngine(ENGINE);
    String user = authentication == null ? null : authentication.getName();
    // a user deleted since the login no longer counts
    return user != null && identityService.createUserQuery().userId(user).count() == 1
        ? user
        : null;
  }

  private static boolean csrfTokenMatches(HttpServletRequest request, HttpSession session) {
    Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    return expected != null
        && sent != null
        && MessageDigest.isEqual(
            expected.toString().getBytes(StandardCharsets.UTF_8),
            sent.getBytes(StandardCharsets.UTF_8));
  }
}
