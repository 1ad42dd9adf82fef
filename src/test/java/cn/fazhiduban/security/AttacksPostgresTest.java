package cn.fazhiduban.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fazhiduban.supervision.TaskSupervision;
import cn.fazhiduban.support.Api;
import cn.fazhiduban.support.OneEngineAtATime;
import cn.fazhiduban.support.Poll;
import cn.fazhiduban.support.PostgresTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Each attack of issue 9, reproduced as a logged-in clerk, leader or stranger would run it, through
 * the engine's REST API, through the webapps' session API (login form, session cookie, XSRF token)
 * and straight at the engine: refused or without effect, with the work items, the escalations, the
 * tasks, their timers and the engine-owned variables checked unchanged. A small plan of our own
 * (two tasks, 司法局 leading), on PostgreSQL.
 */
@OneEngineAtATime
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "duban.demo.enabled=true",
      "duban.demo.plan=classpath:plans/security-plan.txt",
      "duban.login.max-failures-per-address=12"
    })
@ActiveProfiles({"test", "postgres"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class AttacksPostgresTest extends PostgresTest {

  private static final String ENGINE = WebappSession.ENGINE;

  /** What the report form asks for: with these alone, a completion is valid. */
  private static final String VALID_REPORT =
      "\"progress\": {\"value\": \"本期完成了复议案件梳理\"}, "
          + "\"completion\": {\"value\": \"推进中\"}, \"percent\": {\"value\": 50, \"type\": \"Integer\"}";

  private static final byte[] PDF =
      "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired LoginThrottle throttle;

  Api office;
  Api clerk;
  Api leader;
  Api admin;
  long roundId;
  String ownTask;
  String otherUnitsTask;
  String evidenceTask;

  @BeforeAll
  void openRound() {
    office = Api.as(port, "yfzqb1", "demo");
    clerk = Api.as(port, "zzrsb1", "demo");
    leader = Api.as(port, "leader1", "demo");
    admin = Api.as(port, "admin", "demo");
    JsonNode plans = office.get("/api/plans").json();
    assertThat(plans).hasSize(1);
    long planId = plans.get(0).path("id").asLong();
    OffsetDateTime due = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(30).withNano(0);
    roundId = office.openRound(planId, "攻击测试", due).path("id").asLong();
    ownTask = taskOf(roundId + "/1", "zzrsb");
    otherUnitsTask = taskOf(roundId + "/1", "sbj");
    evidenceTask = taskOf(roundId + "/2", "czj");
  }

  private String taskOf(String businessKey, String group) {
    return Poll.until(
        "任务 " + businessKey + " " + group,
        Duration.ofSeconds(30),
        () -> {
          List<Task> tasks =
              taskService
                  .createTaskQuery()
                  .processInstanceBusinessKey(businessKey)
                  .taskCandidateGroup(group)
                  .taskDefinitionKey(TaskSupervision.Elements.SUBMIT_REPORT)
                  .list();
          return tasks.isEmpty() ? Optional.empty() : Optional.of(tasks.get(0).getId());
        });
  }

  // ---------------------------------------------------------------- Critical: only the form's
  // fields

  @Test
  @Order(1)
  void aCompletionThatSetsAnythingButTheFormsFieldsIsRefusedAndChangesNothing() {
    Map<String, String> attacks = new LinkedHashMap<>();
    attacks.put("跳过审核", "\"reviewerGroups\": {\"value\": \"\"}");
    attacks.put("自己审核自己", "\"reviewerGroups\": {\"value\": \"zzrsb\"}");
    attacks.put("替别的单位报送", "\"unitCode\": {\"value\": \"sbj\"}");
    attacks.put("改到别的轮次", "\"roundId\": {\"value\": 999, \"type\": \"Long\"}");
    attacks.put(
        "推迟期限", "\"reportDue\": {\"value\": \"2099-12-31T00:00:00.000+0800\", \"type\": \"Date\"}");
    attacks.put(
        "对象类型阻塞他人",
        "\"taskTitle\": {\"value\": \"rO0ABXA=\", \"type\": \"Object\", \"valueInfo\": "
            + "{\"objectTypeName\": \"java.io.File\", \"serializationDataFormat\": \"application/json\"}}");
    attacks.put("钓鱼链接", "\"unitName\": {\"value\": \"[点此核对](http://evil.example/)\"}");
    attacks.put(
        "第六份材料",
        "\"evidence6\": {\"value\": \""
            + base64(PDF)
            + "\", \"type\": \"File\", "
            + "\"valueInfo\": {\"filename\": \"a.pdf\"}}");
    attacks.put(
        "已声明字段换类型",
        "\"progress\": {\"value\": \"rO0ABXA=\", \"type\": \"Object\", \"valueInfo\": "
            + "{\"objectTypeName\": \"java.io.File\", \"serializationDataFormat\": \"application/json\"}}");

    WebappSession webapp = new WebappSession(port, "zzrsb1", "demo");
    assertThat(webapp.loginStatus).isEqualTo(200);
    Snapshot before = snapshot();
    for (Map.Entry<String, String> attack : attacks.entrySet()) {
      String body = "{\"variables\": {" + VALID_REPORT + ", " + attack.getValue() + "}}";
      List<Api.Response> answers =
          List.of(
              clerk.postJson("/engine-rest/task/" + ownTask + "/complete", body),
              clerk.postJson("/engine-rest/task/" + ownTask + "/submit-form", body),
              // the same door, spelled differently: normalised by our guard
              clerk.postJson("/engine-rest/task/" + ownTask + "/submit-form/", body),
              clerk.postJson("/engine-rest/task/" + ownTask + "/submit%2Dform", body),
              // the webapps' API, as Tasklist calls it
              webapp.postJson(ENGINE + "/task/" + ownTask + "/submit-form", body),
              webapp.postJson(ENGINE + "/task/" + ownTask + "/complete", body),
              webapp.postJson(ENGINE + "/task/" + ownTask + "/complete/", body));
      for (Api.Response answer : answers) {
        assertThat(answer.status()).as(attack.getKey() + ": " + answer.body()).isEqualTo(400);
        assertThat(answer.json().path("error").asText())
            .as(attack.getKey())
            .isEqualTo("field-not-allowed");
        assertThat(answer.json().path("message").asText())
            .as(attack.getKey())
            .containsPattern("\\p{IsHan}");
      }
      // ; parameters and double slashes the firewall refuses before anything else, also as JSON
      for (Api.Response answer :
          List.of(
              clerk.postJson("/engine-rest/task/" + ownTask + ";x=1/submit-form;y=2", body),
              clerk.postJson("/engine-rest//task/" + ownTask + "/complete", body),
              webapp.postJson(ENGINE + "/task/" + ownTask + ";jsessionid=x/complete", body))) {
        assertThat(answer.status()).as(attack.getKey() + ": " + answer.body()).isEqualTo(400);
        assertThat(answer.json().path("error").asText()).isIn("bad-path", "field-not-allowed");
      }
      assertThat(snapshot()).as(attack.getKey()).isEqualTo(before);
    }
  }

  @Test
  @Order(2)
  void theEngineItselfRefusesUndeclaredVariablesWhateverTheDoor() {
    Snapshot before = snapshot();
    identityService.setAuthentication("zzrsb1", List.of("zzrsb"));
    try {
      assertThatThrownBy(
              () ->
                  formService.submitTaskForm(
                      ownTask, Map.of("progress", "x", "reviewerGroups", "")))
          .isInstanceOf(FormFieldValidationException.class)
          .hasMessageContaining("reviewerGroups");
      assertThatThrownBy(() -> taskService.complete(ownTask, Map.of("unitCode", "sbj")))
          .isInstanceOf(FormFieldValidationException.class);
      assertThatThrownBy(
              () -> taskService.complete(ownTask, Map.of("percent", new java.io.File("/tmp"))))
          .isInstanceOf(FormFieldValidationException.class);
      assertThatThrownBy(() -> taskService.handleBpmnError(ownTask, "x"))
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> taskService.claim(ownTask, "sbj1"))
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> runtimeService.correlateMessage("escalation-closed-by-office", "x"))
          .isInstanceOf(AuthorizationException.class);
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(snapshot()).isEqualTo(before);
  }

  // ---------------------------------------------------------------- High: no unit may end or
  // divert its task

  @Test
  @Order(3)
  void aUnitCannotEndOrDivertItsTaskAndClaimsOnlyForItself() {
    WebappSession webapp = new WebappSession(port, "zzrsb1", "demo");
    Snapshot before = snapshot();
    Map<String, String> actions = new LinkedHashMap<>();
    actions.put("bpmnError", "{\"errorCode\": \"Error_Any\"}");
    actions.put("bpmnEscalation", "{\"escalationCode\": \"Escalation_Any\"}");
    actions.put("delegate", "{\"userId\": \"zzrsb1\"}");
    actions.put("assignee", "{\"userId\": \"zzrsb1\"}");
    actions.put("unclaim", "{}");
    actions.put("resolve", "{\"variables\": {}}");
    actions.put("identity-links", "{\"groupId\": \"sbj\", \"type\": \"candidate\"}");
    for (Map.Entry<String, String> action : actions.entrySet()) {
      for (Api.Response answer :
          List.of(
              clerk.postJson(
                  "/engine-rest/task/" + ownTask + "/" + action.getKey(), action.getValue()),
              webapp.postJson(
                  ENGINE + "/task/" + ownTask + "/" + action.getKey(), action.getValue()))) {
        assertThat(answer.status()).as(action.getKey() + ": " + answer.body()).isEqualTo(403);
        assertThat(answer.json().path("message").asText()).containsPattern("\\p{IsHan}");
      }
    }
    // Claiming for a user of another unit, who would then get a grant to read and complete the
    // task.
    assertThat(
            clerk
                .postJson("/engine-rest/task/" + ownTask + "/claim", "{\"userId\": \"sbj1\"}")
                .status())
        .isEqualTo(403);
    assertThat(
            webapp
                .postJson(ENGINE + "/task/" + ownTask + "/claim", "{\"userId\": \"sbj1\"}")
                .status())
        .isEqualTo(403);
    assertThat(snapshot()).isEqualTo(before);
    assertThat(Api.as(port, "sbj1", "demo").get("/engine-rest/task/" + ownTask).status())
        .isIn(403, 404);

    // For oneself it works, and the office can give it back.
    assertThat(
            webapp
                .postJson(ENGINE + "/task/" + ownTask + "/claim", "{\"userId\": \"zzrsb1\"}")
                .status())
        .isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(ownTask).singleResult().getAssignee())
        .isEqualTo("zzrsb1");
    assertThat(office.postJson("/engine-rest/task/" + ownTask + "/unclaim", "{}").status())
        .isEqualTo(204);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  @Order(4)
  void aUnitsMessageCorrelationGetsTheSameAnswerWhetherOrNotTheTargetExists() {
    Snapshot before = snapshot();
    String existing =
        "{\"messageName\": \"escalation-closed-by-office\", \"businessKey\": \""
            + roundId
            + "/1\"}";
    String missing =
        "{\"messageName\": \"escalation-closed-by-office\", \"businessKey\": \"0/0/none\"}";
    Api.Response a = clerk.postJson("/engine-rest/message", existing);
    Api.Response b = clerk.postJson("/engine-rest/message", missing);
    assertThat(a.status()).isEqualTo(403);
    assertThat(b.status()).isEqualTo(a.status());
    assertThat(b.body()).isEqualTo(a.body());
    assertThat(clerk.postJson("/engine-rest/signal", "{\"name\": \"any\"}").status())
        .isEqualTo(403);
    assertThat(snapshot()).isEqualTo(before);
  }

  // ---------------------------------------------------------------- Medium: leaders, comments

  @Test
  @Order(5)
  void leadersWriteNothing() {
    Attachment notice =
        taskService.createAttachment(
            "application/pdf", ownTask, null, "督办通知书.pdf", "依法治区办", new ByteArrayInputStream(PDF));
    WebappSession cockpit = new WebappSession(port, "leader1", "demo", "cockpit");
    assertThat(cockpit.loginStatus).isEqualTo(200);
    Snapshot before = snapshot();

    List<Api.Response> answers =
        new ArrayList<>(
            List.of(
                leader.postJson(
                    "/engine-rest/task/" + ownTask + "/comment/create", "{\"message\": \"领导批示\"}"),
                cockpit.postJson(
                    ENGINE + "/task/" + ownTask + "/comment/create", "{\"message\": \"领导批示\"}"),
                leader.upload(
                    "/engine-rest/task/" + ownTask + "/attachment/create",
                    "x.pdf",
                    "application/pdf",
                    PDF),
                leader.delete("/engine-rest/task/" + ownTask + "/attachment/" + notice.getId()),
                leader.putJson(
                    "/engine-rest/task/" + ownTask + "/variables/progress", "{\"value\": \"x\"}"),
                leader.postJson(
                    "/engine-rest/process-instance/" + processInstanceOf(ownTask) + "/variables",
                    "{\"modifications\": {\"unitCode\": {\"value\": \"sbj\"}}}"),
                leader.postJson(
                    "/engine-rest/task/" + ownTask + "/complete",
                    "{\"variables\": {" + VALID_REPORT + "}}")));
    for (Api.Response answer : answers) {
      assertThat(answer.status()).as(answer.body()).isEqualTo(403);
    }
    assertThat(taskService.getTaskComments(ownTask)).isEmpty();
    assertThat(taskService.getTaskAttachments(ownTask))
        .extracting(Attachment::getId)
        .containsExactly(notice.getId());
    assertThat(snapshot()).isEqualTo(before);
    taskService.deleteAttachment(notice.getId());
  }

  @Test
  @Order(6)
  void unitsAndTheOfficeReadEachOthersCommentsOnTheUnitsOwnTaskOnly() {
    Snapshot before = snapshot();
    assertThat(
            office
                .postJson(
                    "/engine-rest/task/" + ownTask + "/comment/create",
                    "{\"message\": \"请补充佐证材料\"}")
                .status())
        .isEqualTo(200);
    // The unit reads the office's comment, through the REST API and in Tasklist.
    assertThat(
            clerk
                .get("/engine-rest/task/" + ownTask + "/comment")
                .json()
                .findValuesAsText("message"))
        .containsExactly("请补充佐证材料");
    WebappSession tasklist = new WebappSession(port, "zzrsb1", "demo");
    assertThat(
            tasklist
                .get(ENGINE + "/task/" + ownTask + "/comment")
                .json()
                .findValuesAsText("message"))
        .containsExactly("请补充佐证材料");

    // The unit answers; the office reads it.
    assertThat(
            clerk
                .postJson(
                    "/engine-rest/task/" + ownTask + "/comment/create", "{\"message\": \"已补充\"}")
                .status())
        .isEqualTo(200);
    assertThat(
            office
                .get("/engine-rest/task/" + ownTask + "/comment")
                .json()
                .findValuesAsText("message"))
        .containsExactlyInAnyOrder("请补充佐证材料", "已补充");

    // Another unit's task: neither comment nor read.
    assertThat(
            clerk
                .postJson(
                    "/engine-rest/task/" + otherUnitsTask + "/comment/create",
                    "{\"message\": \"越权评论\"}")
                .status())
        .isEqualTo(403);
    assertThat(
            tasklist
                .postJson(
                    ENGINE + "/task/" + otherUnitsTask + "/comment/create",
                    "{\"message\": \"越权评论\"}")
                .status())
        .isEqualTo(403);
    assertThat(clerk.get("/engine-rest/task/" + otherUnitsTask + "/comment").status())
        .isEqualTo(404);
    assertThat(taskService.getTaskComments(otherUnitsTask)).isEmpty();
    // and no one edits or deletes a comment once made
    String commentId = taskService.getTaskComments(ownTask).get(0).getId();
    assertThat(clerk.delete("/engine-rest/task/" + ownTask + "/comment/" + commentId).status())
        .isEqualTo(403);
    assertThat(taskService.getTaskComments(ownTask)).hasSize(2);
    assertThat(snapshot()).isEqualTo(before);
  }

  // ---------------------------------------------------------------- the webapps' API gets the same
  // guard

  @Test
  @Order(7)
  void theWebappApiHasTheSameLimitsAsTheRestApi() {
    WebappSession tasklist = new WebappSession(port, "zzrsb1", "demo");
    Snapshot before = snapshot();
    byte[] forty = new byte[40 * 1024 * 1024];
    java.util.Arrays.fill(forty, (byte) ' ');
    Api.Response big = tasklist.post(ENGINE + "/task/" + ownTask + "/submit-form", forty);
    assertThat(big.status()).isEqualTo(413);
    assertThat(big.json().path("message").asText()).containsPattern("\\p{IsHan}");
    assertThat(
            clerk
                .post("/engine-rest/task/" + ownTask + "/submit-form", "application/json", forty)
                .status())
        .isEqualTo(413);

    Api.Response nested =
        tasklist.postJson(
            ENGINE + "/task?maxResults=10",
            "{\"orQueries\": [{\"candidateGroupExpression\": \"${currentUserGroups()}\"}]}");
    assertThat(nested.status()).isEqualTo(400);
    assertThat(nested.json().path("error").asText()).isEqualTo("expression-not-allowed");
    assertThat(tasklist.get(ENGINE + "/task/?dueAfterExpression=%24%7Bnow()%7D").status())
        .isEqualTo(400);
    assertThat(tasklist.get(ENGINE + "/task/count;a=b?candidateGroupExpression=x").status())
        .isEqualTo(400);
    assertThat(tasklist.get(ENGINE + "/task?maxResults=5000").status()).isEqualTo(400);
    assertThat(tasklist.get(ENGINE + "/task?maxResults=10").status()).isEqualTo(200);

    // metrics are for administrators
    assertThat(tasklist.get(ENGINE + "/metrics/activity-instance-start/sum").status())
        .isEqualTo(403);
    assertThat(clerk.get("/engine-rest/metrics/activity-instance-start/sum").status())
        .isEqualTo(403);
    assertThat(office.get("/engine-rest/metrics/activity-instance-start/sum").status())
        .isEqualTo(403);
    assertThat(admin.get("/engine-rest/metrics/activity-instance-start/sum").status())
        .isEqualTo(200);
    assertThat(snapshot()).isEqualTo(before);
  }

  // ---------------------------------------------------------------- Low: own account

  @Test
  @Order(8)
  void usersChangeTheirPasswordUnderThePolicyButNotTheirProfileAndCannotDeleteThemselves() {
    Api builder = Api.as(port, "jsj1", "demo"); // the demo password still works in demo mode
    assertThat(builder.get("/engine-rest/task/count").status()).isEqualTo(200);
    assertThat(
            builder
                .putJson(
                    "/engine-rest/user/jsj1/profile",
                    "{\"id\": \"jsj1\", \"firstName\": \"建设局\", \"lastName\": \"承办人\", \"email\": \"evil@example.com\"}")
                .status())
        .isEqualTo(403);
    assertThat(builder.delete("/engine-rest/user/jsj1").status()).isEqualTo(403);
    assertThat(identityService.createUserQuery().userId("jsj1").singleResult().getEmail())
        .isNotEqualTo("evil@example.com");

    Api.Response weak =
        builder.putJson(
            "/engine-rest/user/jsj1/credentials",
            "{\"password\": \"123456\", \"authenticatedUserPassword\": \"demo\"}");
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.json().path("message").asText()).contains("密码");
    assertThat(
            builder
                .putJson(
                    "/engine-rest/user/jsj1/credentials",
                    "{\"password\": \"Fzdb-2026-Strong!\", \"authenticatedUserPassword\": \"demo\"}")
                .status())
        .isEqualTo(204);
    assertThat(Api.as(port, "jsj1", "Fzdb-2026-Strong!").get("/engine-rest/task/count").status())
        .isEqualTo(200);
    assertThat(
            ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .isEnablePasswordPolicy())
        .isTrue();
  }

  // ---------------------------------------------------------------- evidence

  @Test
  @Order(9)
  void evidenceIsCheckedByContentItsNameCleanedAndItsDownloadStaysAnAttachment() {
    Api finance = Api.as(port, "czj1", "demo");
    Snapshot before = snapshot();
    String html = base64("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
    for (String evidence :
        List.of(
            "\"evidence1\": {\"value\": \""
                + html
                + "\", \"type\": \"File\", \"valueInfo\": {\"filename\": \"报告.pdf\", "
                + "\"mimeType\": \"application/pdf\"}}",
            "\"evidence1\": {\"value\": \""
                + html
                + "\", \"type\": \"File\", \"valueInfo\": {\"filename\": \"x.svg\"}}",
            "\"evidence6\": {\"value\": \""
                + base64(PDF)
                + "\", \"type\": \"File\", \"valueInfo\": {\"filename\": \"a.pdf\"}}")) {
      Api.Response refused =
          finance.postJson(
              "/engine-rest/task/" + evidenceTask + "/submit-form",
              "{\"variables\": {" + VALID_REPORT + ", " + evidence + "}}");
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.body()).doesNotContain("\tat ");
    }
    assertThat(snapshot()).isEqualTo(before);

    String name = "..\\\\..\\\\etc/passwd\\r\\nSet-Cookie: a=b\\r\\n报告.pdf";
    Api.Response accepted =
        finance.postJson(
            "/engine-rest/task/" + evidenceTask + "/submit-form",
            "{\"variables\": {"
                + VALID_REPORT
                + ", \"evidence1\": {\"value\": \""
                + base64(PDF)
                + "\", \"type\": \"File\", "
                + "\"valueInfo\": {\"filename\": \""
                + name
                + "\", \"mimeType\": \"text/html\"}}}}");
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(204);
    // the file, wherever the report keeps it (an emptied slot elsewhere is a null value)
    List<org.camunda.bpm.engine.history.HistoricVariableInstance> stored =
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(processInstanceOfHistoric(evidenceTask))
            .variableName("evidence1")
            .list()
            .stream()
            .filter(
                variable ->
                    variable.getTypedValue()
                        instanceof org.camunda.bpm.engine.variable.value.FileValue)
            .toList();
    assertThat(stored)
        .hasSize(1)
        .allSatisfy(
            variable ->
                assertThat(
                        ((org.camunda.bpm.engine.variable.value.FileValue) variable.getTypedValue())
                            .getFilename())
                    .isEqualTo("passwdSet-Cookie: a=b报告.pdf"));
    String variableId = stored.get(0).getId();
    HttpResponse<byte[]> download =
        office.download("/engine-rest/history/variable-instance/" + variableId + "/data");
    assertThat(download.statusCode()).isEqualTo(200);
    String disposition = download.headers().firstValue("Content-Disposition").orElse("");
    assertThat(disposition)
        .startsWith("attachment")
        .doesNotContain("\r")
        .doesNotContain("\n")
        .doesNotContain("..");
    // the Chinese name survives, in ASCII on the wire (Tomcat drops a header beyond Latin-1)
    assertThat(disposition).matches("\\p{ASCII}+");
    assertThat(org.springframework.http.ContentDisposition.parse(disposition).getFilename())
        .isEqualTo("passwdSet-Cookie: a=b报告.pdf");
    assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(download.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/pdf");
    assertThat(download.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(download.body()).isEqualTo(PDF);
  }

  // ---------------------------------------------------------------- logs, lockout

  @Test
  @Order(10)
  void aLoginNameWithLineBreaksCannotForgeALogLine(CapturedOutput output) {
    String forged = "admin\r\n2026-11-30 INFO 网页登录成功：用户 admin";
    assertThat(Api.as(port, forged, "x").get("/engine-rest/task/count").status()).isEqualTo(401);
    assertThat(new WebappSession(port, forged, "x").loginStatus).isIn(401, 403);
    assertThat(output.getAll())
        .doesNotContain("\n2026-11-30 INFO 网页登录成功")
        .doesNotContain("\r\n2026-11-30");
    assertThat(output.getAll()).contains("admin\\r\\n2026-11-30 INFO");
  }

  @Test
  @Order(11)
  void noOneLocksAnAccountFromOutside() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    try {
      // The engine delays a user after failures; an administrator sees and lifts it.
      for (int i = 0; i < 3; i++) {
        assertThat(Api.as(port, "czj1", "wrong").get("/engine-rest/task/count").status())
            .isEqualTo(401);
      }
      assertThat(Api.as(port, "czj1", "demo").get("/engine-rest/task/count").status())
          .isEqualTo(401);
      JsonNode locks = admin.get("/api/admin/locks").json();
      assertThat(locks.path("users").findValuesAsText("user")).contains("czj1");
      assertThat(clerk.get("/api/admin/locks").status()).isEqualTo(403);
      assertThat(admin.postJson("/api/admin/locks/users/czj1/unlock", "{}").status())
          .isEqualTo(200);
      assertThat(Api.as(port, "czj1", "demo").get("/engine-rest/task/count").status())
          .isEqualTo(200);

      // Ten failures and more (the engine's old permanent lock) only ever delay: the lock expires.
      for (int i = 0; i < 12; i++) {
        assertThat(identityService.checkPassword("czj1", "wrong")).isFalse();
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 61_000));
      }
      assertThat(identityService.checkPassword("czj1", "demo")).isTrue();
      assertThat(configuration.getLoginMaxAttempts()).isGreaterThan(1000);

      // One address that keeps failing is throttled, for every user it tries, until its window
      // passes.
      int tries = 0;
      while (!throttle.isBlocked("127.0.0.1") && tries++ < 20) {
        Api.as(port, "nobody" + tries, "wrong").get("/engine-rest/task/count");
      }
      assertThat(throttle.isBlocked("127.0.0.1")).isTrue();
      assertThat(admin.get("/engine-rest/task/count").status()).isEqualTo(401);
      assertThat(new WebappSession(port, "admin", "demo").loginStatus).isEqualTo(429);
      assertThat(throttle.blocked()).containsKey("127.0.0.1");
      ClockUtil.setCurrentTime(
          new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofMinutes(16).toMillis()));
      assertThat(admin.get("/engine-rest/task/count").status()).isEqualTo(200);
      assertThat(admin.get("/api/admin/locks").json().path("addresses")).isEmpty();
    } finally {
      ClockUtil.reset();
      throttle.clear("127.0.0.1");
    }
  }

  // ---------------------------------------------------------------- start forms

  @Test
  @Order(12)
  void aStartFormsSubmitSetsOnlyTheStartFormsFields() {
    // A process of the kind other features add (a round or an import started from Tasklist), with
    // its own start form.
    org.camunda.bpm.model.bpmn.BpmnModelInstance model =
        org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("security-start-form")
            .camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_Requested")
            .camundaFormKey("camunda-forms:deployment:forms/security-start.form")
            .userTask("Task_Wait")
            .camundaCandidateGroups("yfzqb")
            .endEvent("EndEvent_Done")
            .done();
    String form =
        """
        {"components": [
          {"type": "textfield", "id": "Field_Label", "key": "label", "label": "轮次名称"},
          {"type": "datetime", "id": "Field_Due", "key": "reportDue", "subtype": "date", "dateLabel": "报送期限"},
          {"type": "text", "id": "Text_Note", "text": "说明"}],
         "type": "default", "id": "Form_SecurityStart", "schemaVersion": 16}""";
    engine
        .getRepositoryService()
        .createDeployment()
        .name("security-start-form")
        .addModelInstance("security-start-form.bpmn", model)
        .addString("forms/security-start.form", form)
        .deploy();

    String path = "/engine-rest/process-definition/key/security-start-form/submit-form";
    Api.Response refused =
        admin.postJson(
            path,
            "{\"variables\": {\"label\": {\"value\": \"2027年上半年\"}, \"unitCode\": {\"value\": \"sbj\"}}}");
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().path("error").asText()).isEqualTo("field-not-allowed");
    WebappSession tasklist = new WebappSession(port, "admin", "demo");
    String definitionId =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("security-start-form")
            .singleResult()
            .getId();
    assertThat(
            tasklist
                .postJson(
                    ENGINE + "/process-definition/" + definitionId + "/submit-form",
                    "{\"variables\": {\"roundId\": {\"value\": 1, \"type\": \"Long\"}}}")
                .status())
        .isEqualTo(400);
    identityService.setAuthentication("admin", List.of("camunda-admin"));
    try {
      assertThatThrownBy(() -> formService.submitStartForm(definitionId, Map.of("unitCode", "sbj")))
          .isInstanceOf(FormFieldValidationException.class);
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("security-start-form")
                .count())
        .isZero();

    Api.Response started =
        admin.postJson(
            path,
            "{\"variables\": {\"label\": {\"value\": \"2027年上半年\"}, \"reportDue\": {\"value\": \"2027-06-30\"}}}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("security-start-form")
                .count())
        .isOne();
  }

  @Test
  @Order(13)
  void theOfficesOwnStartFormsTakeOnlyTheirFieldsAndOnlyTheOfficeMayPreviewARound() {
    long planId = office.get("/api/plans").json().get(0).path("id").asLong();
    int rounds = office.get("/api/rounds").json().size();
    Map<String, Long> startedBefore = startedInstances();
    String roundStart = "/engine-rest/process-definition/key/round-start/submit-form";
    String annualReport = "/engine-rest/process-definition/key/annual-report/submit-form";
    String round =
        "\"planId\": {\"value\": %d, \"type\": \"Long\"}, \"label\": {\"value\": \"越权轮次\"}, "
                .formatted(planId)
            + "\"reportDate\": {\"value\": \"2030-12-31\"}, \"taskScope\": {\"value\": \"all\"}";

    // a unit or a leader may start neither
    for (Api stranger : List.of(clerk, leader)) {
      assertThat(stranger.postJson(roundStart, "{\"variables\": {" + round + "}}").status())
          .isIn(403, 404);
      assertThat(
              stranger
                  .postJson(
                      annualReport,
                      "{\"variables\": {\"year\": {\"value\": 2026, \"type\": \"Integer\"}}}")
                  .status())
          .isIn(403, 404);
    }
    // the office may, with the form's fields in their declared types and nothing else
    for (String[] refused :
        List.of(
            new String[] {roundStart, round + ", \"roundId\": {\"value\": 1, \"type\": \"Long\"}"},
            new String[] {roundStart, round + ", \"initiator\": {\"value\": \"sbj1\"}"},
            new String[] {roundStart, round.replace("\"type\": \"Long\"", "\"type\": \"Object\"")},
            new String[] {
              annualReport,
              "\"year\": {\"value\": 2026, \"type\": \"Integer\"}, "
                  + "\"reviewerGroups\": {\"value\": \"yfzqb\"}"
            },
            new String[] {annualReport, "\"year\": {\"value\": \"2026\", \"type\": \"Date\"}"})) {
      Api.Response answer = office.postJson(refused[0], "{\"variables\": {" + refused[1] + "}}");
      assertThat(answer.status()).as(refused[1] + " → " + answer.body()).isEqualTo(400);
      assertThat(answer.json().path("error").asText()).isEqualTo("field-not-allowed");
      assertThat(answer.json().path("message").asText()).containsPattern("\\p{IsHan}");
    }
    assertThat(office.get("/api/rounds").json()).hasSize(rounds);
    assertThat(startedInstances()).isEqualTo(startedBefore);

    // what a round would open is the office's to know: the count of work items names the units
    String preview = "/api/rounds/preview?planId=" + planId + "&label=x&reportDate=2030-12-31";
    for (Api stranger : List.of(clerk, leader)) {
      Api.Response answer = stranger.get(preview);
      assertThat(answer.status()).as(answer.body()).isEqualTo(403);
      assertThat(answer.json().path("message").asText()).containsPattern("\\p{IsHan}");
    }
    assertThat(office.get(preview).status()).isIn(200, 400);

    // and the same forms, with only their fields, are accepted: the refusals above were the extras
    Api.Response opened =
        office.postJson(
            roundStart,
            "{\"variables\": {"
                + round.replace("\"all\"", "\"list\"")
                + ", \"taskList\": {\"value\": \"1\"}}}");
    assertThat(opened.status()).as(opened.body()).isEqualTo(200);
    Poll.until(
        "表单开启的轮次",
        Duration.ofSeconds(60),
        () ->
            office.get("/api/rounds").json().size() == rounds + 1
                ? Optional.of(true)
                : Optional.empty());
    Api.Response report =
        office.postJson(
            annualReport, "{\"variables\": {\"year\": {\"value\": 2026, \"type\": \"Integer\"}}}");
    assertThat(report.status()).as(report.body()).isEqualTo(200);
  }

  // ---------------------------------------------------------------- refusals speak Chinese

  @Test
  @Order(14)
  void theEnginesOwnRefusalsSpeakChineseAndKeepTheirTypeAndWords() {
    // unbounded query: the engine's "An unbound number of results is forbidden!"
    Api.Response unbounded = clerk.get("/engine-rest/task");
    assertThat(unbounded.status()).isEqualTo(400);
    assertThat(unbounded.json().path("message").asText()).isEqualTo("请求的参数有误，未予处理。");
    assertThat(unbounded.json().path("detail").asText()).contains("unbound");
    assertThat(unbounded.json().path("type").asText()).isNotBlank();

    // another unit's task does not exist for this clerk
    Api.Response other = clerk.get("/engine-rest/task/" + otherUnitsTask + "/form-variables");
    assertThat(other.status()).isBetween(403, 404);
    assertThat(other.json().path("message").asText()).containsPattern("\\p{IsHan}");
    assertThat(other.json().path("detail").asText()).isNotBlank();

    // the same through the webapps' API, as Tasklist would show it
    WebappSession tasklist = new WebappSession(port, "zzrsb1", "demo");
    Api.Response viaTasklist = tasklist.get(ENGINE + "/task/no-such-task");
    assertThat(viaTasklist.status()).isEqualTo(404);
    assertThat(viaTasklist.json().path("message").asText()).startsWith("未找到所请求的对象");

    // a message that is Chinese already (our guard's) is left as it is, with no detail
    Api.Response guarded =
        clerk.postJson(
            "/engine-rest/task/" + ownTask + "/submit-form",
            "{\"variables\": {\"roundId\": {\"value\": 1, \"type\": \"Long\"}}}");
    assertThat(guarded.status()).isEqualTo(400);
    assertThat(guarded.json().path("error").asText()).isEqualTo("field-not-allowed");
    assertThat(guarded.json().has("detail")).isFalse();

    // answers that are not refusals pass untouched
    Api.Response list = clerk.get("/engine-rest/task?maxResults=10");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().isArray()).isTrue();
  }

  private Map<String, Long> startedInstances() {
    return Map.of(
        "round-start",
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey("round-start")
            .count(),
        "annual-report",
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey("annual-report")
            .count());
  }

  // ---------------------------------------------------------------- state

  private String processInstanceOf(String taskId) {
    return taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
  }

  private String processInstanceOfHistoric(String taskId) {
    return engine
        .getHistoryService()
        .createHistoricTaskInstanceQuery()
        .taskId(taskId)
        .singleResult()
        .getProcessInstanceId();
  }

  /**
   * What an attack must not change: work items, escalations, tasks with assignees, timers,
   * engine-owned variables.
   */
  record Snapshot(
      String workItems,
      String escalations,
      List<String> tasks,
      List<String> jobs,
      Map<String, Object> variables) {}

  private Snapshot snapshot() {
    List<String> tasks =
        taskService.createTaskQuery().processInstanceBusinessKeyLike(roundId + "/%").list().stream()
            .map(t -> t.getId() + ":" + t.getTaskDefinitionKey() + ":" + t.getAssignee())
            .sorted()
            .toList();
    List<String> jobs =
        managementService.createJobQuery().list().stream().map(Job::getId).sorted().toList();
    Map<String, Object> variables = new LinkedHashMap<>();
    Task task = taskService.createTaskQuery().taskId(ownTask).singleResult();
    for (String name :
        List.of(
            "reviewerGroups",
            "unitCode",
            "roundId",
            "reportDue",
            "taskTitle",
            "unitName",
            "taskNo",
            "progress",
            "percent")) {
      variables.put(name, String.valueOf(runtimeService.getVariable(task.getExecutionId(), name)));
    }
    return new Snapshot(
        office.get("/api/rounds/" + roundId + "/work-items").body(),
        office.get("/api/escalations?status=open").body(),
        tasks,
        jobs,
        variables);
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
