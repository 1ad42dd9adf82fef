package cn.fazhiduban.identity;

import cn.fazhiduban.unit.Unit;
import cn.fazhiduban.unit.UnitDirectory;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes the Camunda groups (one per unit, plus {@code leaders} and {@code camunda-admin}), the
 * administrator and, in demo mode only, the demo users. Runs on every start and changes only what
 * is missing or wrong.
 */
@Component
public class IdentitySetup {

  public static final String DEMO_PASSWORD = "demo";

  /** Demo users carry this e-mail so that they can be removed when demo mode is switched off. */
  static final String DEMO_MARK = "demo@fazhiduban.invalid";

  static final String UNIT_GROUP_TYPE = "UNIT";

  private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

  private final IdentityService identityService;
  private final UnitDirectory directory;
  private final AdminProperties admin;
  private final DemoProperties demo;

  public IdentitySetup(
      IdentityService identityService,
      UnitDirectory directory,
      AdminProperties admin,
      DemoProperties demo) {
    this.identityService = identityService;
    this.directory = directory;
    this.admin = admin;
    this.demo = demo;
  }

  /** The demo user of a unit. */
  public static String demoUserOf(Unit unit) {
    return unit.code() + "1";
  }

  @Transactional
  public void run() {
    for (Unit unit : directory.units()) {
      ensureGroup(unit.groupId(), unit.name(), UNIT_GROUP_TYPE);
    }
    ensureGroup(Groups.LEADERS, "领导", "WORKFLOW");
    ensureGroup(Groups.ADMINS, "系统管理员", "SYSTEM");

    String adminPassword = admin.hasPassword() ? admin.password() : DEMO_PASSWORD;
    ensureUser(admin.user(), "系统", "管理员", adminPassword, null, Groups.ADMINS);

    if (demo.enabled()) {
      for (Unit unit : directory.units()) {
        ensureDemoUser(unit);
      }
      ensureUser("leader1", "领导", "（演示）", DEMO_PASSWORD, DEMO_MARK, Groups.LEADERS);
    } else {
      removeDemoUsers();
    }
  }

  /**
   * The unit's group, named after it, and in demo mode its demo user: for a unit added or renamed
   * at run time.
   */
  void ensureUnit(Unit unit) {
    ensureGroup(unit.groupId(), unit.name(), UNIT_GROUP_TYPE);
    if (demo.enabled()) {
      ensureDemoUser(unit);
    }
  }

  private void ensureDemoUser(Unit unit) {
    ensureUser(demoUserOf(unit), unit.name(), "承办人", DEMO_PASSWORD, DEMO_MARK, unit.groupId());
  }

  private void ensureGroup(String id, String name, String type) {
    Group group = identityService.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identityService.newGroup(id);
    } else if (name.equals(group.getName()) && type.equals(group.getType())) {
      return;
    }
    group.setName(name);
    group.setType(type);
    identityService.saveGroup(group);
  }

  private void ensureUser(
      String id, String firstName, String lastName, String password, String email, String group) {
    User user = identityService.createUserQuery().userId(id).singleResult();
    if (user == null) {
      user = identityService.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(email);
      user.setPassword(password);
      saveSeeded(user);
      log.info("已创建用户 {}（{}{}）", id, firstName, lastName);
    } else if (!identityService.checkPassword(id, password)) {
      user.setPassword(password);
      saveSeeded(user);
      log.info("已更新用户 {} 的密码", id);
    }
    if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
      identityService.createMembership(id, group);
    }
  }

  /**
   * Users this class makes (demo users with the password {@code demo}, the administrator with the
   * configured password) skip the engine's password policy; every password a person sets later
   * (Admin, REST) must meet it.
   */
  private void saveSeeded(User user) {
    if (identityService instanceof IdentityServiceImpl engine) {
      engine.saveUser(user, true);
    } else {
      identityService.saveUser(user);
    }
  }

  private void removeDemoUsers() {
    List<User> demoUsers = identityService.createUserQuery().userEmail(DEMO_MARK).list();
    for (User user : demoUsers) {
      identityService.deleteUser(user.getId());
    }
    if (!demoUsers.isEmpty()) {
      log.info("演示模式已关闭，删除了 {} 个演示用户", demoUsers.size());
    }
  }
}
