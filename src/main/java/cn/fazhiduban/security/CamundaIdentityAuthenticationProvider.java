package cn.fazhiduban.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks API logins against Camunda's identity service, so the webapps and the API share one set of
 * users, passwords and groups (and the engine's per-user login delay); failures also count against
 * the client address ({@link LoginThrottle}). Each Camunda group becomes the authority {@code
 * GROUP_<id>}.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final LoginThrottle throttle;

  CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
    this.identityService = identityService;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    String address =
        authentication.getDetails() instanceof WebAuthenticationDetails web
            ? web.getRemoteAddress()
            : null;
    if (address != null && throttle.isBlocked(address)) {
      throw new BadCredentialsException("登录失败次数过多，请稍后再试");
    }
    if (user == null
        || user.isBlank()
        || credentials == null
        || !identityService.checkPassword(user, credentials.toString())) {
      if (address != null) {
        throttle.failed(address);
      }
      throw new BadCredentialsException("用户名或密码错误");
    }
    List<GrantedAuthority> authorities =
        identityService.createGroupQuery().groupMember(user).list().stream()
            .map(Group::getId)
            .<GrantedAuthority>map(id -> new SimpleGrantedAuthority(GroupAuthorities.of(id)))
            .toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
