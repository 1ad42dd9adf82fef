package cn.fazhiduban.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Camunda groups as Spring Security authorities: group {@code sfj} is the authority {@code
 * GROUP_sfj}.
 */
public final class GroupAuthorities {

  private static final String PREFIX = "GROUP_";

  private GroupAuthorities() {}

  public static String of(String groupId) {
    return PREFIX + groupId;
  }

  /** The Camunda groups of a logged-in user. */
  public static List<String> groupsOf(Authentication authentication) {
    return authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(authority -> authority.startsWith(PREFIX))
        .map(authority -> authority.substring(PREFIX.length()))
        .toList();
  }
}
