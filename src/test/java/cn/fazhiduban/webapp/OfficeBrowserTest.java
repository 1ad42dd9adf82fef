package cn.fazhiduban.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.calendar.WorkingCalendar;
import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.support.Api;
import cn.fazhiduban.support.Poll;
import cn.fazhiduban.support.WebApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * 依法治区办 works in the webapps (issue 12), in a real Chromium, with the server's JVM in UTC and the
 * browser in Beijing time as the district's are: the office opens a round from Tasklist's 启动流程 and
 * sees how many work items it opens; a Saturday or an empty task list is refused on the form; a
 * clerk finds the new work under 本单位待办 with the same due time in the list and in the form, Beijing
 * time, and is offered neither 创建任务 nor 启动流程; no page of Tasklist or Cockpit shows the Camunda 7
 * EOL banner; the office closes an escalation from Tasklist with a reason. Screenshots: {@code
 * target/screenshots/office-*.png}.
 */
@Tag("browser")
@WebApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfficeBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String LABEL = "2026年第四季度（浏览器测试）";

  private static final By CREATE_TASK = By.cssSelector(".create-task-action a");
  private static final By START_BUTTON =
      By.xpath("//div[contains(@class,'modal-footer')]//button[contains(@class,'btn-primary')]");

  @LocalServerPort int port;
  @Autowired WorkingCalendar calendar;
  @Autowired EngineClock clock;

  Api office;
  long planId;
  long roundId;
  LocalDate due;
  Browser browser;

  @RegisterExtension
  final AfterTestExecutionCallback failureEvidence =
      context -> {
        if (context.getExecutionException().isPresent() && browser != null) {
          browser.saveFailure("office-" + context.getRequiredTestMethod().getName());
        }
      };

  @BeforeAll
  void importASmallPlan() throws IOException {
    // every test JVM runs in UTC (the pom's argLine), whatever the build machine's zone: dates must
    // not depend on it
    assertThat(TimeZone.getDefault().getRawOffset()).as("JVM zone of the server").isZero();
    office = Api.as(port, "yfzqb1", "demo");
    String text =
        new ClassPathResource("plans/office-round-plan.txt")
            .getContentAsString(StandardCharsets.UTF_8);
    Api.Response imported = office.postText("/api/plans", text);
    assertThat(imported.status()).as(imported.body()).isIn(200, 201);
    planId = imported.json().path("id").asLong();
    due = calendar.plusWorkingDays(clock.today(), 5);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.release();
      browser = null;
    }
  }

  @Test
  @Order(1)
  void theOfficeOpensChapterOneFromTasklistAndSeesHowManyWorkItems() {
    long roundsBefore = office.get("/api/rounds").json().size();
    browser = Browser.session();
    browser.login(tasklist(), "yfzqb1");
    openRoundStartForm();

    fillRoundForm(LABEL, due);
    new Select(browser.visible(By.id("fd-task-scope"))).selectByValue("chapters");
    browser.click(
        By.xpath(
            "//label[contains(normalize-space(.),'一、')]/input[contains(@class,'fd-chapter')]"));
    waitForTheCheck();
    browser.waitUntil(WAIT, "没有显示将开启的工作事项数", d -> browser.shows(By.id("fd-work-items")));
    int shownWorkItems = Integer.parseInt(browser.visible(By.id("fd-work-items")).getText().trim());
    assertThat(browser.visible(By.id("fd-round-preview")).getText())
        .contains("将开启 3 项任务", chinese(due) + " 18:00（北京时间）");
    browser.screenshot("office-1a-round-start-form");

    browser.click(START_BUTTON);
    browser.waitUntil(WAIT, "启动后表单仍未关闭", d -> !browser.shows(By.id("fd-round-preview")));
    browser.screenshot("office-1b-round-started");

    JsonNode round =
        Poll.until(
            "新开启的轮次",
            WAIT,
            () -> {
              for (JsonNode r : office.get("/api/rounds").json()) {
                if (LABEL.equals(r.path("label").asText())) {
                  return Optional.of(r);
                }
              }
              return Optional.empty();
            });
    roundId = round.path("id").asLong();
    assertThat(office.get("/api/rounds").json().size()).isEqualTo(roundsBefore + 1);
    JsonNode items = office.get("/api/rounds/" + roundId + "/work-items").json();
    assertThat(items.size()).as("开启的工作事项数与表单显示的相同").isEqualTo(shownWorkItems).isPositive();
    // /api answers carry their offset: Beijing time
    assertThat(round.path("reportDue").asText()).isEqualTo(due + "T18:00:00+08:00");
  }

  @Test
  @Order(2)
  void aSaturdayOrAnEmptyTaskListIsRefusedOnTheFormAndNothingOpens() {
    long roundsBefore = office.get("/api/rounds").json().size();
    LocalDate saturday = clock.today().plusDays(7);
    while (saturday.getDayOfWeek() != DayOfWeek.SATURDAY || calendar.isWorkingDay(saturday)) {
      saturday = saturday.plusDays(1);
    }
    LocalDate next = calendar.nextWorkingDay(saturday);
    browser = Browser.session();
    browser.login(tasklist(), "yfzqb1");
    openRoundStartForm();

    fillRoundForm("周六截止（浏览器测试）", saturday);
    waitForTheCheck();
    browser.waitUntil(WAIT, "周六没有被拒绝", d -> browser.shows(By.id("fd-round-error")));
    assertThat(browser.visible(By.id("fd-round-error")).getText())
        .contains(chinese(saturday) + "（星期六）不是工作日", "下一个工作日 " + chinese(next));
    assertThat(browser.visible(START_BUTTON).isEnabled()).as("「启动」不可用").isFalse();
    browser.screenshot("office-2a-saturday-refused");

    // the suggested working day is one click away
    browser.click(By.xpath("//*[@id='fd-round-error']//a"));
    waitForTheCheck();
    browser.waitUntil(WAIT, "改为下一个工作日后仍不可启动", d -> browser.shows(By.id("fd-work-items")));

    new Select(browser.visible(By.id("fd-task-scope"))).selectByValue("list");
    waitForTheCheck();
    browser.waitUntil(WAIT, "空的任务清单没有被拒绝", d -> browser.shows(By.id("fd-round-error")));
    assertThat(browser.visible(By.id("fd-round-error")).getText()).contains("任务清单是空的");
    assertThat(browser.visible(START_BUTTON).isEnabled()).isFalse();
    browser.screenshot("office-2b-empty-list-refused");

    assertThat(office.get("/api/rounds").json().size()).as("没有开启任何轮次").isEqualTo(roundsBefore);
  }

  @Test
  @Order(3)
  void theClerkSeesTheNewWorkWithTheSameDueTimeInListAndFormInBeijingTime() {
    assertThat(roundId).as("第 1 个场景开启的轮次").isPositive();
    Api clerk = Api.as(port, "zzrsb1", "demo");
    Poll.until(
        "组织人事部的报送任务",
        WAIT,
        () -> {
          JsonNode tasks =
              clerk
                  .get(
                      "/engine-rest/task?processInstanceBusinessKey="
                          + roundId
                          + "/1"
                          + "&taskDefinitionKey=Task_SubmitProgressReport&maxResults=10")
                  .json();
          return tasks.isArray() && !tasks.isEmpty() ? Optional.of(true) : Optional.empty();
        });
    String expected = chinese(due) + " 18:00";

    browser = Browser.session();
    browser.login(tasklist(), "zzrsb1");
    // the clerk may neither start a process nor create a task: once the check is done, neither is
    // offered
    browser.waitUntil(
        WAIT,
        "Tasklist 没有完成权限检查",
        d ->
            "zzrsb1"
                .equals(
                    ((JavascriptExecutor) d)
                        .executeScript("return document.body.dataset.fdTidiedFor;")));
    assertThat(browser.shows(Browser.START_PROCESS)).as("启动流程").isFalse();
    assertThat(browser.shows(CREATE_TASK)).as("创建任务").isFalse();
    assertThat(browser.bodyText()).doesNotContain("启动流程", "创建任务");
    browser.screenshot("office-3a-clerk-no-start-no-create");
    // the webapp session reaches /api (a plugin or a form may read), with the clerk's rights and no
    // more
    assertThat(fetchStatus("GET", "/api/units", false)).isEqualTo(200);
    assertThat(fetchStatus("GET", "/api/rounds/preview?planId=" + planId, false))
        .as("clerk: preview")
        .isEqualTo(403);

    browser.click(
        By.xpath("//*[contains(@class,'task-filter')]//*[normalize-space(text())='本单位待办']"));
    By reportTask =
        By.xpath("//*[contains(@class,'tasks-list')]//li[.//a[normalize-space(.)='报送工作进展']]");
    browser.waitUntil(WAIT, "本单位待办中没有新任务", d -> browser.shows(reportTask));
    browser.waitUntil(
        WAIT,
        "列表中的截止时间不是北京时间 " + expected,
        d -> d.findElements(reportTask).stream().anyMatch(li -> li.getText().contains(expected)));
    browser.screenshot("office-3b-clerk-list");

    WebElement item =
        browser.driver().findElements(reportTask).stream()
            .filter(li -> li.getText().contains(expected))
            .findFirst()
            .orElseThrow();
    item.findElement(By.xpath(".//a[normalize-space(.)='报送工作进展']")).click();
    browser.waitUntil(
        WAIT,
        "表单没有显示截止时间",
        d ->
            browser.shows(By.id("fd-report-due"))
                && !d.findElement(By.id("fd-report-due")).getText().startsWith("（"));
    assertThat(browser.visible(By.id("fd-report-due")).getText()).isEqualTo(expected + "（北京时间）");
    browser.scrollTo(By.id("fd-report-due"));
    browser.screenshot("office-3c-clerk-form-due-time");
  }

  @Test
  @Order(4)
  void noPageOfTasklistOrCockpitShowsTheEolBanner() {
    browser = Browser.session();
    browser.login(tasklist(), "yfzqb1");
    assertNoBanner("Tasklist 任务列表");
    browser.click(
        By.xpath("//*[contains(@class,'task-filter')]//*[normalize-space(text())='本单位待办']"));
    assertNoBanner("Tasklist 过滤器");
    browser.click(Browser.START_PROCESS);
    browser.waitForText("开启督办轮次");
    assertNoBanner("Tasklist 启动流程");
    browser.screenshot("office-4a-tasklist-no-banner");

    browser.open(cockpit());
    browser.waitForText("运行中的流程实例");
    assertNoBanner("Cockpit 仪表盘");
    Map<String, String> pages =
        Map.of(
            "#/processes",
            "个已部署的流程定义",
            "#/decisions",
            "决策",
            "#/tasks",
            "人工任务",
            "#/repository",
            "请在列表中选择一个资源");
    pages.forEach(
        (page, text) -> {
          browser.open(cockpit() + page);
          browser.waitUntil(
              WAIT, "Cockpit " + page + " 没有打开", d -> browser.bodyText().contains(text));
          assertNoBanner("Cockpit " + page);
        });
    browser.screenshot("office-4b-cockpit-no-banner");

    // Admin keeps the facts, in our words, for the administrators
    browser.release();
    browser = Browser.session();
    browser.login(admin(), "admin");
    browser.waitUntil(
        WAIT,
        "Admin 没有显示 Camunda 7 社区版的支持状态",
        d -> browser.bodyText().contains("Camunda 7 社区版已停止发布"));
    browser.screenshot("office-4c-admin-facts");
  }

  @Test
  @Order(5)
  void theOfficeClosesAnEscalationFromTasklistWithAReason() {
    // an overdue report at 挂牌督办: the ladder evaluated on the engine clock, seven working days after
    // the due date
    LocalDate soon = calendar.plusWorkingDays(clock.today(), 1);
    long escalationRound =
        office
            .openRound(planId, "督办关闭（浏览器测试）", soon.atTime(18, 0).atOffset(ZoneOffset.ofHours(8)), 4)
            .path("id")
            .asLong();
    Poll.until(
        "第 4 项的工作事项",
        WAIT,
        () -> {
          JsonNode tasks =
              office
                  .get(
                      "/engine-rest/task?processInstanceBusinessKey="
                          + escalationRound
                          + "/4"
                          + "&taskDefinitionKey=Task_SubmitProgressReport&maxResults=10")
                  .json();
          return tasks.isArray() && tasks.size() == 2 ? Optional.of(true) : Optional.empty();
        });
    // the engine clock seven working days past the due date: the overdue timers fire and the ladder
    // climbs
    ClockUtil.setCurrentTime(
        Date.from(
            calendar.plusWorkingDays(soon, 7).atTime(10, 0).atZone(EngineClock.ZONE).toInstant()));
    JsonNode escalation;
    try {
      escalation =
          Poll.until(
              "市场监管局的挂牌督办",
              WAIT,
              () -> {
                for (JsonNode e : office.get("/api/escalations?status=open").json()) {
                  if (e.path("roundId").asLong() == escalationRound
                      && "scjgj".equals(e.path("unitCode").asText())
                      && !e.path("processInstanceId").isNull()) {
                    return Optional.of(e);
                  }
                }
                return Optional.empty();
              });
    } finally {
      ClockUtil.reset();
    }
    assertThat(escalation.path("level").asText()).isEqualTo("挂牌督办");
    String instance = escalation.path("processInstanceId").asText();
    // the notice goes out through the REST API; the office then follows the escalation in Tasklist
    JsonNode notice =
        office
            .get(
                "/engine-rest/task?processInstanceId="
                    + instance
                    + "&taskDefinitionKey=Task_IssueSupervisionNotice&firstResult=0&maxResults=10")
            .json();
    Api.Response issued =
        office.postJson(
            "/engine-rest/task/" + notice.get(0).path("id").asText() + "/submit-form",
            "{\"variables\": {\"noticeText\": {\"value\": \"请立即报送。\"}, \"noticeDeadline\": {\"value\": \""
                + clock.today().plusDays(3)
                + "\"}}}");
    assertThat(issued.status()).as(issued.body()).isEqualTo(204);

    browser = Browser.session();
    browser.login(tasklist(), "yfzqb1");
    // a change through /api with the webapp session needs the webapps' CSRF token, as their own API
    // does
    assertThat(fetchStatus("POST", "/api/escalations/999999/close", false))
        .as("without the token")
        .isEqualTo(403);
    assertThat(fetchStatus("POST", "/api/escalations/999999/close", true))
        .as("with the token")
        .isEqualTo(404);
    browser.click(
        By.xpath("//*[contains(@class,'task-filter')]//*[normalize-space(text())='本单位待办']"));
    By follow = By.xpath("//*[contains(@class,'tasks-list')]//a[normalize-space(.)='跟踪督办']");
    browser.click(follow);
    browser.click(By.xpath("//button[normalize-space(.)='认领']"));
    By reason = By.xpath("//label[contains(normalize-space(.),'关闭原因')]/following::textarea[1]");
    browser.waitUntil(WAIT, "跟踪督办表单没有出现", d -> browser.shows(reason));
    browser.waitForText("跟踪督办", "市场监管局", "挂牌督办", "（北京时间）");
    String text = "该单位已书面说明原因，经研究不再督办（浏览器测试）。";
    browser.type(reason, text);
    browser.screenshot("office-5a-close-escalation");
    browser.click(By.xpath("//button[normalize-space(.)='办理完成']"));
    browser.waitUntil(WAIT, "完成后「跟踪督办」仍在列表中", d -> d.findElements(follow).isEmpty());
    browser.screenshot("office-5b-escalation-closed");

    JsonNode closed =
        Poll.until(
            "已关闭的督办",
            WAIT,
            () -> {
              for (JsonNode e : office.get("/api/escalations?status=closed").json()) {
                if (e.path("id").asLong() == escalation.path("id").asLong()) {
                  return Optional.of(e);
                }
              }
              return Optional.empty();
            });
    assertThat(closed.path("closeReason").asText()).isEqualTo(text);
    assertThat(closed.path("closedBy").asText()).isEqualTo("OFFICE");
    assertThat(closed.path("since").asText()).endsWith("+08:00");
  }

  // ---- helpers ----

  private String tasklist() {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/";
  }

  private String cockpit() {
    return "http://localhost:" + port + "/camunda/app/cockpit/default/";
  }

  private String admin() {
    return "http://localhost:" + port + "/camunda/app/admin/default/";
  }

  private static String chinese(LocalDate day) {
    return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
  }

  private void openRoundStartForm() {
    browser.openStartForm("开启督办轮次", By.id("fd-plan"));
    browser.waitUntil(
        WAIT,
        "开启督办轮次的表单没有载入方案",
        d -> !d.findElements(By.cssSelector("#fd-plan option[value='" + planId + "']")).isEmpty());
  }

  private void fillRoundForm(String label, LocalDate reportDate) {
    new Select(browser.visible(By.id("fd-plan"))).selectByValue(String.valueOf(planId));
    browser.type(By.id("fd-label"), label);
    WebElement date = browser.visible(By.id("fd-report-date"));
    // the browser's own date picker, filled the way it fills it: the value, then a change event
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));",
            date,
            reportDate.toString());
  }

  /**
   * Waits until the form's last check has its answer on screen: a check starts 250 ms after the
   * last change, and clicking the answer of an earlier one may hit an element that is being
   * replaced.
   */
  private void waitForTheCheck() {
    browser.waitUntil(
        WAIT,
        "表单的检查没有完成",
        d ->
            "done"
                .equals(
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "var form = document.querySelector('form[name=roundForm]');"
                                + " return form && form.getAttribute('data-fd-preview');")));
  }

  /**
   * Calls our API from the page, with the page's session (and, when asked, the CSRF token from its
   * cookie).
   */
  private long fetchStatus(String method, String path, boolean csrfToken) {
    Object status =
        ((JavascriptExecutor) browser.driver())
            .executeAsyncScript(
                """
        var done = arguments[arguments.length - 1];
        var headers = {'Content-Type': 'application/json', 'Accept': 'application/json'};
        var token = document.cookie.split('; ').filter(function (c) { return c.indexOf('XSRF-TOKEN=') === 0; })[0];
        if (arguments[2] && token) { headers['X-XSRF-TOKEN'] = token.substring('XSRF-TOKEN='.length); }
        fetch(arguments[1], {method: arguments[0], credentials: 'same-origin', headers: headers,
            body: arguments[0] === 'GET' ? undefined : JSON.stringify({reason: '测试'})})
          .then(function (r) { done(r.status); }, function () { done(-1); });
        """,
                method,
                path,
                csrfToken);
    return ((Number) status).longValue();
  }

  private void assertNoBanner(String page) {
    browser.waitUntil(page + " 没有载入", d -> !browser.bodyText().isBlank());
    assertThat(browser.shows(By.cssSelector(".ce-eol-banner"))).as(page + " 的 EOL 横幅").isFalse();
    assertThat(browser.bodyText()).as(page).doesNotContain("Camunda 8", "迁移指南");
  }
}
