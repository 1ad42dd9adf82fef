package cn.fazhiduban.supervision;

import cn.fazhiduban.identity.Groups;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * What a logged-in user may see of the work items: 依法治区办, leaders and administrators see every unit, a unit's
 * clerks and reviewers only the units whose groups they belong to.
 */
public record Viewer(boolean seesAll, Set<String> units) {

  private static final String PREFIX = "GROUP_";
  private static final Set<String> SEE_ALL = Set.of(Groups.OFFICE, Groups.LEADERS, Groups.ADMINS);

  public static Viewer of(Authentication authentication) {
    Set<String> groups = authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith(PREFIX))
        .map(a -> a.substring(PREFIX.length()))
        .collect(Collectors.toUnmodifiableSet());
    return new Viewer(groups.stream().anyMatch(SEE_ALL::contains), groups);
  }

  public boolean sees(String unitCode) {
    return seesAll || units.contains(unitCode);
  }
}
