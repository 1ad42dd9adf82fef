package cn.fazhiduban.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.support.Api;
import cn.fazhiduban.support.Poll;
import cn.fazhiduban.support.WebApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * 导入任务分解方案 in a real Chromium: 依法治区办 starts it from Tasklist's 启动流程 with a file, sees the warnings
 * in the 核对 form, maps the unknown unit, sets the missing lead and confirms; the stored plan has
 * the corrected units and the mapping resolves in the next plan. A clerk is not offered the
 * process. Screenshots go to {@code target/screenshots/}.
 */
@Tag("browser")
@WebApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlanImportBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String TITLE = "测试区法治政府建设任务分解方案（浏览器测试）";

  @LocalServerPort int port;

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
  @Order(1)
  void theOfficeImportsAPlanThroughTheCheckInTasklist() throws IOException {
    Api office = Api.as(port, "yfzqb1", "demo");
    Path upload = Files.createTempFile("plan-", ".txt");
    Files.write(
        upload, new ClassPathResource("plans/import/plan-browser.txt").getContentAsByteArray());
    upload.toFile().deleteOnExit();

    browser = Browser.session();
    browser.login(tasklist(), "yfzqb1");
    browser.openStartForm("导入任务分解方案", By.id("fd-plan-file"));
    browser.visible(By.id("fd-plan-file")).sendKeys(upload.toAbsolutePath().toString());
    browser.waitForText("方案文件", "或粘贴方案全文");
    browser.screenshot("plan-import-1-start-form");
    browser.click(By.xpath("//*[contains(@class,'modal')]//button[normalize-space(.)='启动']"));

    String taskId =
        Poll.until(
            "核对任务分解方案任务",
            WAIT,
            () -> {
              JsonNode tasks =
                  office
                      .get(
                          "/engine-rest/task?processDefinitionKey=plan-import&taskDefinitionKey=Task_CheckPlan"
                              + "&maxResults=10")
                      .json();
              return tasks.isArray() && !tasks.isEmpty()
                  ? Optional.of(tasks.get(0).path("id").asText())
                  : Optional.empty();
            });
    browser.open(tasklist() + "#/?task=" + taskId);
    browser.click(button("认领"));
    browser.waitUntil("认领后仍显示「认领」", d -> !browser.shows(button("认领")));
    browser.visible(By.id("fd-warnings"));
    browser.waitForText(
        "第 1 项没有牵头单位", "「明月管理局」不在单位目录中", "未识别的单位名称（1 个）", "统筹配置行政执法职能", "测试区全面依法治区委员会");
    // title and date are editable: they are the inputs' values
    assertThat(browser.visible(By.id("fd-title")).getDomProperty("value")).isEqualTo(TITLE);
    assertThat(browser.visible(By.id("fd-issued-on")).getDomProperty("value"))
        .isEqualTo("2026-07-01");
    browser.screenshot("plan-import-2-check-form-warnings");

    new Select(browser.visible(By.id("fd-unresolved-action-0"))).selectByVisibleText("对应到目录中的单位");
    new Select(browser.visible(By.id("fd-unresolved-unit-0"))).selectByVisibleText("财政局");
    browser.click(By.id("fd-edit-1"));
    Select lead = new Select(browser.visible(By.id("fd-lead-1")));
    lead.deselectAll();
    lead.selectByVisibleText("司法局");
    new Select(browser.visible(By.id("fd-decision"))).selectByVisibleText("确认导入");
    browser.scrollTo(By.id("fd-lead-1"));
    browser.screenshot("plan-import-3-check-form-corrected");
    browser.click(button("办理完成"));
    browser.waitForText("请在列表中选择一项任务");
    browser.screenshot("plan-import-4-confirmed");

    JsonNode plan =
        Poll.until(
            "导入的方案",
            WAIT,
            () -> {
              for (JsonNode each : office.get("/api/plans").json()) {
                if (TITLE.equals(each.path("title").asText())) {
                  return Optional.of(each);
                }
              }
              return Optional.empty();
            });
    JsonNode tasks = office.get("/api/plans/" + plan.path("id").asLong() + "/tasks").json();
    assertThat(tasks).hasSize(2);
    assertThat(codes(tasks.get(0), "LEAD")).containsExactly("sfj");
    assertThat(tasks.get(0).path("byDivision").asBoolean()).isFalse();
    assertThat(codes(tasks.get(1), "LEAD")).containsExactly("czj");
    assertThat(tasks.get(1).path("units").get(0).path("writtenName").asText()).isEqualTo("明月管理局");
    // the stored plan records what the office changed, who and when
    JsonNode corrections =
        office.get("/api/plans/" + plan.path("id").asLong()).json().path("corrections");
    assertThat(corrections).hasSize(1);
    assertThat(corrections.get(0).path("correctedBy").asText()).isEqualTo("yfzqb1");
    assertThat(corrections.get(0).path("correctedAt").asText()).endsWith("+08:00");
    assertThat(corrections.get(0).path("changes").toString())
        .contains("leadUnits", "mapped", "明月管理局");

    // the mapping is remembered: the next plan that writes the name resolves by itself
    Api.Response again =
        office.postText(
            "/api/plans",
            new ClassPathResource("plans/import/plan-browser-again.txt")
                .getContentAsString(StandardCharsets.UTF_8));
    assertThat(again.status()).as(again.body()).isEqualTo(201);
    assertThat(again.json().path("unresolvedUnits")).isEmpty();
    JsonNode againTasks =
        office.get("/api/plans/" + again.json().path("id").asLong() + "/tasks").json();
    assertThat(codes(againTasks.get(0), "LEAD")).containsExactly("czj");
  }

  @Test
  @Order(2)
  void aClerkIsNotOfferedTheImport() {
    JsonNode startable =
        Api.as(port, "sfj1", "demo")
            .get(
                "/engine-rest/process-definition?latestVersion=true"
                    + "&startableInTasklist=true&startablePermissionCheck=true&firstResult=0&maxResults=50")
            .json();
    List<String> keys = new ArrayList<>();
    startable.forEach(definition -> keys.add(definition.path("key").asText()));
    assertThat(keys).doesNotContain("plan-import");

    browser = Browser.session();
    browser.login(tasklist(), "sfj1");
    // Tasklist may hide 启动流程 from whom it offers nothing; where it shows it, the list must not
    // offer the import
    browser.waitForText("本单位待办");
    if (browser.shows(Browser.START_PROCESS)) {
      browser.click(Browser.START_PROCESS);
      browser.waitUntil(
          "启动流程的列表没有出现",
          d -> browser.bodyText().contains("没有可用的流程定义") || browser.bodyText().contains("点击要启动的流程"));
    }
    browser.screenshot("plan-import-5-clerk-start-list");
    assertThat(browser.bodyText()).doesNotContain("导入任务分解方案");
  }

  private static List<String> codes(JsonNode task, String role) {
    List<String> codes = new ArrayList<>();
    task.path("units")
        .forEach(
            unit -> {
              if (role.equals(unit.path("role").asText())) {
                codes.add(unit.path("unitCode").asText());
              }
            });
    return codes;
  }

  private String tasklist() {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/";
  }

  private static By button(String text) {
    return By.xpath("//button[normalize-space(.)='" + text + "']");
  }
}
