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
import org.springframework.stereotype.Component;

/**
 * Checks API logins against Camunda's identity service, so the webapps and the API share one set of users, passwords
 * and groups (and the engine's login throttling). Each Camunda group becomes the authority {@code GROUP_<id>}.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;

  CamundaIdentityAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (user == null || user.isBlank() || credentials == null
        || !identityService.checkPassword(user, credentials.toString())) {
      throw new BadCredentialsException("用户名或密码错误");
    }
    List<GrantedAuthority> authorities = identityService.createGroupQuery().groupMember(user).list().stream()
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
