package cn.fazhiduban.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.supervision.TaskSupervision;
import cn.fazhiduban.support.Api;
import cn.fazhiduban.support.FixturePlan;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Chinese webapps in a real (headless) Chromium: the Tasklist login page, a clerk reporting
 * progress through the embedded form with a 佐证材料 file, the reviewer finding the report, a leader
 * reading Cockpit. One round (plan task 42: 组织人事部 reports, 司法局 reviews) is opened through our API;
 * each scenario starts a fresh browser session, so no session leaks from one user to the next.
 * Screenshots go to {@code target/screenshots/}; a failure adds a screenshot and the page source
 * there ({@code *-FAILED.png}, {@code *-FAILED.html}).
 */
@Tag("browser")
@WebApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int TASK_NO = 42;

  @LocalServerPort int port;

  @org.springframework.beans.factory.annotation.Autowired
  org.camunda.bpm.engine.TaskService taskService;

  @org.springframework.beans.factory.annotation.Autowired
  org.camunda.bpm.engine.RuntimeService runtimeService;

  @org.springframework.beans.factory.annotation.Autowired
  org.camunda.bpm.engine.RepositoryService repositoryService;

  Api office;
  long roundId;
  Browser browser;

  /** Saves the screen and the page source while the failed scenario's browser is still open. */
  @RegisterExtension
  final AfterTestExecutionCallback failureEvidence =
      context -> {
        if (context.getExecutionException().isPresent() && browser != null) {
          browser.saveFailure(context.getRequiredTestMethod().getName());
        }
      };

  @BeforeAll
  void openRound() {
    office = Api.as(port, "yfzqb1", "demo");
    long planId = FixturePlan.id(office);
    OffsetDateTime due = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(30).withNano(0);
    roundId = office.openRound(planId, "浏览器测试", due, TASK_NO).path("id").asLong();
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
  void tasklistLoginPageIsChinese() {
    browser = Browser.session();
    browser.open(tasklist());
    // AngularJS renders the form, then fills in the texts once the zh-CN translations have loaded
    browser.waitUntil(
        "登录页没有显示中文的用户名、密码和登录",
        d ->
            "用户名".equals(attribute(Browser.USERNAME, "placeholder"))
                && "密码".equals(attribute(Browser.PASSWORD, "placeholder"))
                && "登录".equals(browser.visible(Browser.LOGIN_BUTTON).getText().trim()));

    assertThat(attribute(Browser.USERNAME, "placeholder")).isEqualTo("用户名");
    assertThat(attribute(Browser.PASSWORD, "placeholder")).isEqualTo("密码");
    assertThat(browser.visible(Browser.LOGIN_BUTTON).getText().trim()).isEqualTo("登录");
    assertThat(browser.pageSource()).contains("placeholder=\"用户名\"", "placeholder=\"密码\"");
    assertThat(browser.bodyText())
        .contains("法治督办", "登录")
        .doesNotContain("Username", "Password", "Sign in");
    browser.screenshot("1-tasklist-login");
    assertNoEnglish("Tasklist 登录页");
  }

  @Test
  @Order(2)
  void clerkReportsProgressWithEvidence() throws IOException {
    waitForTask("zzrsb1", TaskSupervision.Elements.SUBMIT_REPORT);
    browser = Browser.session();
    browser.login(tasklist(), "zzrsb1");
    openFilterAndTask("本单位待办", "报送工作进展");

    browser.click(button("认领"));
    // claiming reloads the task and its form: wait until the claim shows, then for the form and its
    // header
    browser.waitUntil("认领后仍显示「认领」", d -> !browser.shows(button("认领")));
    awaitForm("zzrsb1", By.id("fd-progress"));
    browser.waitForText("督办任务", "第 " + TASK_NO + " 项", "组织人事部");
    Path evidence = Files.createTempFile("evidence-", ".pdf");
    Files.writeString(evidence, "%PDF-1.4\n% 法治督办浏览器测试的佐证材料\n%%EOF\n", StandardCharsets.UTF_8);
    evidence.toFile().deleteOnExit();
    // The form SDK writes the fetched (empty) variables into the fields once they arrive; a field
    // typed into before
    // that is emptied again. Fill, and fill again what was emptied, until the form is valid (完成
    // enabled).
    browser.waitUntil(
        "报送表单填写后「办理完成」仍不可用",
        d -> {
          fillReport(evidence);
          return d.findElements(button("办理完成")).stream()
              .anyMatch(b -> b.isDisplayed() && b.isEnabled());
        });
    assertThat(browser.driver().findElement(By.id("fd-evidence1")).getDomProperty("value"))
        .endsWith(evidence.getFileName().toString());
    // the evidence check the forms share (Tasklist's scripts/evidence-check.js) runs here: a type
    // outside the list is refused under its field and 「办理完成」 waits until it is taken out
    Path wrongType = Files.createTempFile("evidence-", ".exe");
    Files.writeString(wrongType, "MZ", StandardCharsets.US_ASCII);
    wrongType.toFile().deleteOnExit();
    browser.visible(By.id("fd-evidence2")).sendKeys(wrongType.toAbsolutePath().toString());
    browser.waitForText(wrongType.getFileName() + "”的类型不支持");
    browser.waitUntil(
        "不支持的文件类型没有让「办理完成」不可用",
        d -> d.findElements(button("办理完成")).stream().noneMatch(WebElement::isEnabled));
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "var input = document.getElementById('fd-evidence2'); input.value = '';"
                + " input.dispatchEvent(new Event('change'));");
    browser.waitUntil(
        "移除不支持的文件后「办理完成」仍不可用",
        d ->
            !browser.bodyText().contains("类型不支持")
                && d.findElements(button("办理完成")).stream()
                    .anyMatch(b -> b.isDisplayed() && b.isEnabled()));
    browser.scrollTo(By.id("fd-evidence1"));
    assertThat(browser.bodyText()).doesNotContain("类型不支持", "空文件");
    browser.screenshot("2a-clerk-report-filled");
    // the evidence file's own name is the clerk's data; the allowed file types are shown as
    // extensions
    assertNoEnglish(
        "Tasklist 报送工作进展",
        evidence.getFileName().toString(),
        "docx",
        "xlsx",
        "jpeg",
        "pdf",
        "doc",
        "xls",
        "jpg",
        "png",
        "zip");

    browser.click(button("办理完成"));
    // Tasklist closes the form and drops the completed task from the filter
    browser.waitUntil("办理完成后任务仍在列表中", d -> d.findElements(taskInList("报送工作进展")).isEmpty());
    browser.waitForText("请在列表中选择一项任务");
    browser.screenshot("2b-clerk-report-completed");

    JsonNode item =
        Poll.until(
            "第 " + TASK_NO + " 项组织人事部的工作事项已报送",
            WAIT,
            () -> {
              for (JsonNode row :
                  office.get("/api/rounds/" + roundId + "/work-items?unit=zzrsb").json()) {
                if (row.path("taskNo").asInt() == TASK_NO
                    && "REPORTED".equals(row.path("status").asText())) {
                  return Optional.of(row);
                }
              }
              return Optional.empty();
            });
    assertThat(item.path("status").asText()).isEqualTo("REPORTED");
    // the 佐证材料 reached the engine as a file variable of this round's task instance
    String instance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(roundId + "/" + TASK_NO)
            .singleResult()
            .getId();
    JsonNode evidenceVariables =
        office
            .get(
                "/engine-rest/variable-instance?variableName=evidence1&processInstanceIdIn="
                    + instance
                    + "&deserializeValues=false&firstResult=0&maxResults=10")
            .json();
    assertThat(evidenceVariables).as(evidenceVariables.toString()).hasSize(1);
    assertThat(evidenceVariables.get(0).path("type").asText()).isEqualTo("File");
    assertThat(evidenceVariables.get(0).path("valueInfo").path("filename").asText())
        .isEqualTo(evidence.getFileName().toString());
  }

  @Test
  @Order(3)
  void reviewerSeesTheReportToReview() {
    ensureReported();
    waitForTask("sfj1", TaskSupervision.Elements.REVIEW_REPORT);
    // A unit name with a Markdown link (a unit renamed so, or an old completion that wrote it) must
    // stay text.
    String phishing = "组织人事部[请点此核对](http://evil.example/phish)";
    org.camunda.bpm.engine.task.Task review =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(roundId + "/" + TASK_NO)
            .taskDefinitionKey(TaskSupervision.Elements.REVIEW_REPORT)
            .singleResult();
    // the form reads the task's own copy, which the task's create listener wrote from our rows
    taskService.setVariableLocal(review.getId(), "unitName", phishing);
    browser = Browser.session();
    browser.login(tasklist(), "sfj1");
    openFilterAndTask("本单位待办", "审核进展报告");
    // the review form (a Camunda Form) shows what the clerk reported, in disabled fields
    awaitForm("sfj1", By.xpath("//*[normalize-space(text())='承办单位报送的内容']"));
    browser.waitForText("审核进展报告", "认领", "承办单位报送的内容", "完成进度");
    browser.waitUntil("承办单位没有显示", d -> phishing.equals(shownValue("承办单位")));
    assertThat(shownValue("完成进度")).isEqualTo("60");
    assertThat(browser.driver().findElements(By.cssSelector("a[href*='evil.example']"))).isEmpty();
    browser.screenshot("3-reviewer-task");
    // the unit name shown is the test's own (Markdown) text, shown as text: data, not UI
    assertNoEnglish("Tasklist 审核进展报告", phishing);
  }

  @Test
  @Order(4)
  void leaderReadsCockpitInChinese() {
    browser = Browser.session();
    browser.login(cockpit(), "leader1");
    browser.waitForText("流程", "决策", "人工任务", "当前概况", "运行中的流程实例", "已部署", "流程定义");
    // the dashboard's counts come a moment later: wait for the deployed process definitions
    browser.waitUntil(
        "仪表盘没有显示已部署的流程定义数",
        d -> Pattern.compile("流程定义\\s*[1-9]").matcher(browser.bodyText()).find());
    browser.screenshot("4a-cockpit-dashboard");
    assertNoEnglish("Cockpit 仪表盘");

    browser.open(cockpit() + "#/processes");
    browser.waitForText("仪表盘", "个已部署的流程定义", "名称", "任务督办", "督办轮次", "督办升级");
    browser.screenshot("4b-cockpit-processes");
    // Cockpit lists the models by their ids (process keys), which stay ASCII by design
    assertNoEnglish(
        "Cockpit 流程",
        repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
            .map(org.camunda.bpm.engine.repository.ProcessDefinition::getKey)
            .sorted(java.util.Comparator.comparing(String::length).reversed())
            .toArray(String[]::new));
  }

  // ---- helpers ----

  private String tasklist() {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/";
  }

  private String cockpit() {
    return "http://localhost:" + port + "/camunda/app/cockpit/default/";
  }

  /**
   * Logs in through the webapp's form. AngularJS may render the form again while the page settles,
   * emptying what was typed; then the browser refuses the empty form and we try again.
   */

  /** Opens a shared filter by its name and then the first task of that name in it. */
  private void openFilterAndTask(String filter, String taskName) {
    browser.click(
        By.xpath(
            "//*[contains(@class,'task-filter')]//*[normalize-space(text())='" + filter + "']"));
    browser.click(taskInList(taskName));
  }

  private static By taskInList(String taskName) {
    return By.xpath("//*[contains(@class,'tasks-list')]//a[normalize-space(.)='" + taskName + "']");
  }

  /** Fills the progress report form, leaving alone the fields that already hold their value. */
  private void fillReport(Path evidence) {
    browser.type(By.id("fd-progress"), "已完成行政复议委员会组建，召开第一次全体会议。");
    Select completion = new Select(browser.visible(By.id("fd-completion")));
    if (!"推进中".equals(completion.getFirstSelectedOption().getText())) {
      completion.selectByVisibleText("推进中");
    }
    browser.type(By.id("fd-percent"), "60");
    browser.type(By.id("fd-problems"), "无");
    browser.type(By.id("fd-next-steps"), "12月底前完成委员培训。");
    browser.type(By.id("fd-contact"), "张明");
    browser.type(By.id("fd-phone"), "023-67891234");
    WebElement file = browser.visible(By.id("fd-evidence1"));
    if (file.getDomProperty("value") == null || file.getDomProperty("value").isEmpty()) {
      file.sendKeys(evidence.toAbsolutePath().toString());
    }
  }

  /**
   * Waits for the task's form; when Tasklist shows a 表单错误 instead, fails at once with Tasklist's
   * message and the engine's own answer for the task's deployed form (Tasklist leaves the message
   * empty for Camunda Forms).
   */
  private void awaitForm(String user, By formContent) {
    By formError = By.xpath("//*[contains(@class,'alert')][contains(normalize-space(.),'表单错误')]");
    // the error panel is in the page all along, hidden while there is no error
    browser.waitUntil("任务表单没有出现", d -> browser.shows(formContent) || browser.shows(formError));
    if (!browser.shows(formContent)) {
      Matcher task =
          Pattern.compile("[?&]task=([0-9a-f-]+)").matcher(browser.driver().getCurrentUrl());
      String engine =
          task.find()
              ? Api.as(port, user, "demo")
                  .get("/engine-rest/task/" + task.group(1) + "/deployed-form")
                  .body()
              : "（地址中没有任务 id）";
      String shownError =
          browser.driver().findElements(formError).stream()
              .filter(WebElement::isDisplayed)
              .map(WebElement::getText)
              .findFirst()
              .orElse("");
      throw new AssertionError(
          "Tasklist 无法显示任务表单："
              + shownError
              + "；引擎 /engine-rest/task/{id}/deployed-form 的回答："
              + engine);
    }
  }

  /**
   * The value of the form-js field with this label (a disabled field that shows a process
   * variable).
   */
  private String shownValue(String label) {
    return browser
        .driver()
        .findElements(By.xpath("//label[normalize-space(.)='" + label + "']/following::input[1]"))
        .stream()
        .findFirst()
        .map(input -> input.getDomProperty("value"))
        .orElse(null);
  }

  private String attribute(By locator, String name) {
    return browser.visible(locator).getDomAttribute(name);
  }

  private static By button(String text) {
    return By.xpath("//button[normalize-space(.)='" + text + "']");
  }

  /**
   * Waits until the user's task exists (the job executor starts the round's instances in the
   * background).
   */
  private void waitForTask(String user, String taskDefinitionKey) {
    Api api = Api.as(port, user, "demo");
    Poll.until(
        user + " 的 " + taskDefinitionKey,
        WAIT,
        () -> {
          JsonNode tasks =
              api.get(
                      "/engine-rest/task?processInstanceBusinessKey="
                          + roundId
                          + "/"
                          + TASK_NO
                          + "&taskDefinitionKey="
                          + taskDefinitionKey
                          + "&maxResults=10")
                  .json();
          return tasks.isArray() && !tasks.isEmpty() ? Optional.of(true) : Optional.empty();
        });
  }

  /**
   * Scenario 3 on its own (or after scenario 2 failed): when the clerk's report is still open, it
   * goes in through the REST API, so the reviewer's scenario tests the reviewer's page and nothing
   * else.
   */
  private void ensureReported() {
    Api clerk = Api.as(port, "zzrsb1", "demo");
    JsonNode open =
        clerk
            .get(
                "/engine-rest/task?processInstanceBusinessKey="
                    + roundId
                    + "/"
                    + TASK_NO
                    + "&taskDefinitionKey=Task_SubmitProgressReport&maxResults=10")
            .json();
    for (JsonNode task : open) {
      Api.Response submitted =
          clerk.postJson(
              "/engine-rest/task/" + task.path("id").asText() + "/submit-form",
              """
          {"variables": {"progress": {"value": "已完成行政复议委员会组建。"}, "completion": {"value": "推进中"},
           "percent": {"value": 60, "type": "Integer"}}}""");
      assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
    }
  }

  /**
   * Words that stay English on purpose: Camunda's product names, which its webapps show as names
   * (app switcher, footer), the IANA name of the zone dates are shown in (footer:
   * 日期和时间按本地时区显示：Asia/Shanghai), and the file formats the 督办总览 offers (台账 as Excel, the annual
   * report as Word), and bpmn.io's watermark on the diagram ("Powered by bpmn.io"), which its
   * licence keeps. Anything else in English on a page a Chinese user reads is a missing
   * translation.
   */
  private static final Set<String> ENGLISH_ON_PURPOSE =
      Set.of(
          "Powered",
          "bpmn",
          "Camunda",
          "Tasklist",
          "Cockpit",
          "Admin",
          "Welcome",
          "Platform",
          "Asia",
          "Shanghai",
          "Excel",
          "Word");

  /**
   * Fails on English words on the page, leaving out {@code userData} (what the user entered, e.g. a
   * file's name).
   */
  private void assertNoEnglish(String page, String... userData) {
    String text = browser.readableText();
    for (String data : userData) {
      text = text.replace(data, "");
    }
    Set<String> words = new TreeSet<>();
    Matcher matcher = Pattern.compile("[A-Za-z][A-Za-z'’-]{2,}").matcher(text);
    while (matcher.find()) {
      words.add(matcher.group());
    }
    words.removeAll(ENGLISH_ON_PURPOSE);
    assertThat(words).as(page + " 中未翻译的英文").isEmpty();
  }
}
