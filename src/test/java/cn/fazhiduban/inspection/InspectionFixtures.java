package cn.fazhiduban.inspection;

import cn.fazhiduban.plan.PlanImportService;
import cn.fazhiduban.unit.Unit;
import cn.fazhiduban.unit.UnitDirectory;
import cn.fazhiduban.unit.UnitKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * A small plan of our own (2026—2030, two chapters) and the units and users the inspection tests
 * use.
 */
public final class InspectionFixtures {

  public static final String PLAN = "/plans/inspection-test-plan.txt";
  public static final String TITLE = "督察测试区法治政府建设任务分解方案";

  private InspectionFixtures() {}

  public static String planText() {
    try (InputStream in = InspectionFixtures.class.getResourceAsStream(PLAN)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static long importPlan(PlanImportService plans) {
    return plans.importPlan(planText(), "yfzqb1").id();
  }

  /** Two units to inspect, a street and a department where the directory has them (not 依法治区办). */
  public static List<Unit> twoUnits(UnitDirectory directory) {
    Unit street =
        directory.units().stream()
            .filter(u -> u.kind() == UnitKind.STREET)
            .findFirst()
            .orElseThrow();
    Unit department =
        directory.units().stream()
            .filter(u -> u.kind() == UnitKind.DEPARTMENT)
            .findFirst()
            .orElseThrow();
    return List.of(street, department);
  }

  /** A user of the unit's group (the demo users in tests). */
  public static String userOf(IdentityService identity, String group) {
    List<User> users =
        identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().listPage(0, 1);
    if (users.isEmpty()) {
      throw new IllegalStateException("单位 " + group + " 没有用户");
    }
    return users.get(0).getId();
  }
}
