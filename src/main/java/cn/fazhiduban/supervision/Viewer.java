package cn.fazhiduban.supervision;

import cn.fazhiduban.identity.Groups;
import cn.fazhiduban.security.GroupAuthorities;
import java.util.Set;
import org.springframework.security.core.Authentication;

/**
 * What a logged-in user may see of the work items: 依法治区办, leaders and administrators see every
 * unit, a unit's clerks and reviewers only the units whose groups they belong to.
 */
public record Viewer(boolean seesAll, Set<String> units) {

  private static final Set<String> SEE_ALL = Set.of(Groups.OFFICE, Groups.LEADERS, Groups.ADMINS);

  public static Viewer of(Authentication authentication) {
    Set<String> groups = Set.copyOf(GroupAuthorities.groupsOf(authentication));
    return new Viewer(groups.stream().anyMatch(SEE_ALL::contains), groups);
  }

  public boolean sees(String unitCode) {
    return seesAll || units.contains(unitCode);
  }
}
