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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 督办总览 in a real Chromium: a leader logs into Cockpit and finds, on the dashboard, the units with
 * their 红黄绿灯 and scores, and an open escalation that links to its process instance in Cockpit. The
 * escalation comes the way it does in production: a report falls due unsubmitted (the engine clock
 * is moved past the due date).
 */
@Tag("browser")
@WebApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverviewBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @LocalServerPort int port;

  long roundId;
  JsonNode escalation;
  Browser browser;

  @RegisterExtension
  final AfterTestExecutionCallback failureEvidence =
      context -> {
        if (context.getExecutionException().isPresent() && browser != null) {
          browser.saveFailure(context.getRequiredTestMethod().getName());
        }
      };

  @BeforeAll
  void anOverdueReport() throws IOException {
    Api office = Api.as(port, "yfzqb1", "demo");
    String plan =
        Files.readString(
            Path.of("src/test/resources/reporting/small-plan.txt"), StandardCharsets.UTF_8);
    long planId = office.postText("/api/plans", plan).json().path("id").asLong();
    OffsetDateTime due = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(15).withNano(0);
    roundId = office.openRound(planId, "总览浏览器测试", due, 42, 37, 4).path("id").asLong();
    Api clerk = Api.as(port, "zzrsb1", "demo");
    Poll.until(
        "组织人事部的报送任务",
        WAIT,
        () ->
            clerk
                    .get(
                        "/engine-rest/task?processInstanceBusinessKey="
                            + roundId
                            + "/42&taskDefinitionKey=Task_SubmitProgressReport&maxResults=10")
                    .json()
                    .isEmpty()
                ? Optional.empty()
                : Optional.of(true));
    ClockUtil.offset(45_000L);
    escalation =
        Poll.until(
            "组织人事部第42项的督办升级",
            WAIT,
            () -> {
              for (JsonNode row :
                  office.get("/api/overview?roundId=" + roundId).json().path("openEscalations")) {
                for (JsonNode e : row.path("escalations")) {
                  if (e.path("unitCode").asText().equals("zzrsb")
                      && !e.path("processInstanceId").isMissingNode()
                      && !e.path("level").asText().equals("提醒")) {
                    return Optional.of(e);
                  }
                }
              }
              return Optional.empty();
            });
  }

  @AfterAll
  void resetClock() {
    ClockUtil.reset();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.release();
      browser = null;
    }
  }

  @Test
  void leaderSeesTheOverviewWithLightsScoresAndAnEscalationLinkingToItsInstance() {
    browser = Browser.session();
    browser.login("http://localhost:" + port + "/camunda/app/cockpit/default/", "leader1");
    browser.waitForText("督办总览", "各承办单位", "得分", "未办结的督办升级");
    browser.waitUntil(
        "督办总览的承办单位表没有出现",
        d -> !d.findElements(By.cssSelector("table.duban-units tbody tr")).isEmpty());

    List<WebElement> lights =
        browser.driver().findElements(By.cssSelector("table.duban-units .duban-light"));
    assertThat(lights).isNotEmpty().allSatisfy(l -> assertThat(l.getText()).isIn("红灯", "黄灯", "绿灯"));
    assertThat(browser.bodyText()).contains("组织人事部", "红灯", escalation.path("level").asText());
    // every item of the round is overdue: the totals line says so
    assertThat(browser.driver().findElement(By.cssSelector(".duban-totals")).getText())
        .contains("逾期 5 项");
    List<String> headers =
        browser.driver().findElements(By.cssSelector("table.duban-units th")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(headers).contains("红黄绿灯", "承办单位", "逾期", "约谈", "挂牌督办", "得分");

    String instance = escalation.path("processInstanceId").asText();
    By link =
        By.cssSelector("a.duban-instance-link[href='#/process-instance/" + instance + "/runtime']");
    browser.scrollTo(link);
    browser.screenshot("report-1-cockpit-duban-overview");

    browser.click(link);
    browser.waitUntil(
        "没有打开督办升级的流程实例", d -> d.getCurrentUrl().contains("/process-instance/" + instance));
    browser.screenshot("report-2-cockpit-escalation-instance");

    // the full view has a route of its own
    browser.open("http://localhost:" + port + "/camunda/app/cockpit/default/#/duban-overview");
    browser.waitForText("督办总览", "各章节", "下载本轮台账");
    browser.screenshot("report-3-cockpit-duban-overview-full");
  }
}
