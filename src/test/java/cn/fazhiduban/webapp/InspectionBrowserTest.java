package cn.fazhiduban.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.inspection.InspectionFixtures;
import cn.fazhiduban.plan.PlanImportService;
import cn.fazhiduban.support.Api;
import cn.fazhiduban.support.WebApplicationTest;
import cn.fazhiduban.unit.Unit;
import cn.fazhiduban.unit.UnitDirectory;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cockpit's 督察 view in a real (headless) Chromium, for the leader: an inspection of two units is
 * under way (one with a topic that looks like HTML, which must show as text); leader1 opens the
 * view from the header link and sees coverage per unit kind, open findings by severity and the
 * inspection's link. Screenshot: {@code target/screenshots/inspection-cockpit.png}.
 */
@Tag("browser")
@WebApplicationTest
class InspectionBrowserTest {

  private static final String TOPIC = "<b>执法公示</b>落实情况";

  @LocalServerPort int port;

  @Autowired PlanImportService plans;
  @Autowired UnitDirectory directory;
  @Autowired IdentityService identity;
  @Autowired FormService forms;
  @Autowired RepositoryService repository;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  Browser browser;

  @RegisterExtension
  final AfterTestExecutionCallback failureEvidence =
      context -> {
        if (context.getExecutionException().isPresent() && browser != null) {
          browser.saveFailure(context.getRequiredTestMethod().getName());
        }
      };

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.release();
      browser = null;
    }
  }

  @Test
  void leaderSeesTheInspectionViewInCockpit() {
    long planId = InspectionFixtures.importPlan(plans);
    List<Unit> units = InspectionFixtures.twoUnits(directory);
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    // the plan's period's coverage counts the closed inspections of other classes in the shared
    // application too; the open one started here must not change it
    int covered = coveredUnits(planId);
    identity.setAuthentication("yfzqb1", List.of("yfzqb"));
    try {
      forms.submitStartForm(
          repository
              .createProcessDefinitionQuery()
              .processDefinitionKey("inspection")
              .latestVersion()
              .singleResult()
              .getId(),
          Map.of(
              "planId",
              String.valueOf(planId),
              "unitCodes",
              units.get(0).code() + "," + units.get(1).code(),
              "kind",
              "实地督察",
              "topic",
              TOPIC,
              "groupMembers",
              "yfzqb1",
              "startsOn",
              today.toString(),
              "endsOn",
              today.plusDays(20).toString(),
              "selfReportDeadline",
              today.plusDays(10).toString()));
    } finally {
      identity.clearAuthentication();
    }

    browser = Browser.session();
    String cockpit = "http://localhost:" + port + "/camunda/app/cockpit/default/";
    browser.login(cockpit, "leader1");
    browser.click(By.xpath("//a[normalize-space(.)='督察']"));
    assertThat(coveredUnits(planId)).as("进行中的督察不计入覆盖").isEqualTo(covered);
    // the view shows the newest plan: this test's
    browser.waitForText("法治督察覆盖情况", "按单位类别", "未整改问题", "各单位", "进行中的督察", "覆盖率：" + covered + " / ");
    browser.waitForText(units.get(0).name(), units.get(1).name(), "街道", "部门", "实地督察：" + TOPIC);
    assertThat(browser.driver().findElements(By.cssSelector(".duban-inspection b")))
        .as("主题按文本显示")
        .isEmpty();
    assertThat(
            browser
                .driver()
                .findElements(By.cssSelector(".duban-inspection a[href*='#/process-instance/']")))
        .isNotEmpty();
    assertThat(
            browser
                .driver()
                .findElements(By.cssSelector(".duban-units tr[data-unit] .duban-light")))
        .isNotEmpty();
    browser.screenshot("inspection-cockpit");
  }

  private int coveredUnits(long planId) {
    return Api.as(port, "leader1", "demo")
        .get("/api/inspections/coverage?plan=" + planId)
        .json()
        .path("coveredUnits")
        .asInt();
  }

  @Test
  void officeStartsAnInspectionFromTasklistWithTheProposedUnits() {
    InspectionFixtures.importPlan(plans);
    List<Unit> units = InspectionFixtures.twoUnits(directory);
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    browser = Browser.session();
    browser.login("http://localhost:" + port + "/camunda/app/tasklist/default/", "yfzqb1");
    browser.openStartForm("法治督察", By.id("fd-topic"));
    browser.waitForText("被督察单位", "督察组成员", "督察测试区法治政府建设任务分解方案");
    for (Unit unit : units) {
      browser.click(By.id("fd-unit-" + unit.code()));
    }
    new Select(browser.visible(By.id("fd-kind"))).selectByValue("专项督察");
    browser.type(By.id("fd-topic"), "浏览器发起的专项督察");
    browser.click(By.id("fd-member-yfzqb1"));
    browser.type(By.id("fd-starts-on"), today.toString());
    browser.type(By.id("fd-ends-on"), today.plusDays(20).toString());
    browser.type(By.id("fd-self-report-deadline"), today.plusDays(10).toString());
    browser.screenshot("inspection-tasklist-start");
    browser.click(
        By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space(.)='启动']"));
    browser.waitUntil(
        "督察没有启动",
        d ->
            jdbc.queryForObject(
                    "select count(*) from inspection where topic = '浏览器发起的专项督察'", Integer.class)
                == 1);
    assertThat(
            jdbc.queryForList(
                "select unit_code from inspected_unit where inspection_id = (select id from "
                    + "inspection where topic = '浏览器发起的专项督察') order by unit_code",
                String.class))
        .containsExactlyInAnyOrderElementsOf(units.stream().map(Unit::code).toList());
  }
}
