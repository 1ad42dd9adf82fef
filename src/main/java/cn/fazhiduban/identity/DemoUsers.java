package cn.fazhiduban.identity;

import cn.fazhiduban.unit.DemoUserDirectory;
import cn.fazhiduban.unit.Unit;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Which demo users (password {@code demo}) a unit has, in demo mode. */
@Component
public class DemoUsers implements DemoUserDirectory {

  private final IdentityService identityService;
  private final DubanProperties properties;

  DemoUsers(IdentityService identityService, DubanProperties properties) {
    this.identityService = identityService;
    this.properties = properties;
  }

  @Override
  public boolean enabled() {
    return properties.demo().enabled();
  }

  @Override
  public List<String> of(Unit unit) {
    return identityService.createUserQuery().memberOfGroup(unit.groupId()).userEmail(IdentitySetup.DEMO_MARK)
        .orderByUserId().asc().list().stream().map(User::getId).toList();
  }
}
