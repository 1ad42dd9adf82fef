package cn.fazhiduban.identity;

import cn.fazhiduban.unit.Unit;
import cn.fazhiduban.unit.UnitUsers;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Which demo users (password {@code demo}) a unit has, in demo mode. */
@Component
public class DemoUsers implements UnitUsers {

  private final IdentityService identityService;
  private final DemoProperties demo;

  DemoUsers(IdentityService identityService, DemoProperties demo) {
    this.identityService = identityService;
    this.demo = demo;
  }

  @Override
  public boolean listed() {
    return demo.enabled();
  }

  @Override
  public List<String> of(Unit unit) {
    return identityService
        .createUserQuery()
        .memberOfGroup(unit.groupId())
        .userEmail(IdentitySetup.DEMO_MARK)
        .orderByUserId()
        .asc()
        .list()
        .stream()
        .map(User::getId)
        .toList();
  }
}
