package cn.fazhiduban.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.support.Api;
import cn.fazhiduban.support.FixturePlan;
import cn.fazhiduban.support.OneEngineAtATime;
import cn.fazhiduban.support.Poll;
import cn.fazhiduban.support.PostgresTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The security rules on real PostgreSQL, where the engine's authorization checks run as SQL:
 * per-unit task visibility, the locked-down engine REST API, safe input, headers and logins. One
 * round for tasks 42 and 37.
 */
@OneEngineAtATime
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "duban.demo.enabled=true")
@ActiveProfiles({"test", "postgres"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class SecurityPostgresTest extends PostgresTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;

  Api office;
  Api clerk;
  long roundId;
  String ownTask;
  String justiceTask;
  String socialSecurityTask;

  @BeforeAll
  void openRound() {
    office = Api.as(port, "yfzqb1", "demo");
    clerk = Api.as(port, "zzrsb1", "demo");
    long planId = FixturePlan.id(office);
    OffsetDateTime due = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(30).withNano(0);
    roundId = office.openRound(planId, "安全测试", due, 42, 37).path("id").asLong();
    ownTask = taskOf(roundId + "/42", "zzrsb");
    justiceTask = taskOf(roundId + "/37", "sfj");
    socialSecurityTask = taskOf(roundId + "/37", "sbj");
  }

  private String taskOf(String businessKey, String group) {
    return Poll.until(
        "任务 " + businessKey + " " + group,
        Duration.ofSeconds(30),
        () -> {
          JsonNode tasks =
              office
                  .get(
                      "/engine-rest/task?processInstanceBusinessKey="
                          + businessKey
                          + "&candidateGroup="
                          + group
                          + "&maxResults=10")
                  .json();
          return tasks.isArray() && !tasks.isEmpty()
              ? Optional.of(tasks.get(0).path("id").asText())
              : Optional.empty();
        });
  }

  @Test
  void anonymousAndWrongPasswordsAre401AndHealthStaysOpen(CapturedOutput output) {
    Api anonymous = Api.anonymous(port);
    assertThat(anonymous.get("/engine-rest/task?maxResults=10").status()).isEqualTo(401);
    assertThat(anonymous.get("/engine-rest/engine").status()).isEqualTo(401);
    assertThat(anonymous.get("/api/rounds").status()).isEqualTo(401);
    assertThat(anonymous.get("/actuator/health").json().path("status").asText()).isEqualTo("UP");
    assertThat(Api.as(port, "jdxl1", "falsch").get("/engine-rest/task?maxResults=10").status())
        .isEqualTo(401);
    assertThat(output).contains("接口登录失败：用户 jdxl1");
  }

  @Test
  void aClerkSeesExactlyTheUnitsOwnTaskAndCannotTouchAnotherUnits() {
    JsonNode mine = clerk.get("/engine-rest/task?maxResults=100").json();
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).path("id").asText()).isEqualTo(ownTask);
    assertThat(clerk.get("/engine-rest/task/count").json().path("count").asInt()).isEqualTo(1);

    assertThat(clerk.get("/engine-rest/task/" + justiceTask).status()).isIn(403, 404);
    assertThat(
            clerk
                .postJson("/engine-rest/task/" + justiceTask + "/claim", "{\"userId\": \"zzrsb1\"}")
                .status())
        .isIn(403, 404);
    assertThat(
            clerk
                .postJson(
                    "/engine-rest/task/" + justiceTask + "/submit-form",
                    "{\"variables\": {\"progress\": {\"value\": \"越权\"}}}")
                .status())
        .isIn(403, 404);
    assertThat(clerk.get("/engine-rest/task/" + justiceTask + "/form-variables").status())
        .isIn(403, 404);
    assertThat(taskService.createTaskQuery().taskId(justiceTask).singleResult().getAssignee())
        .isNull();
    assertThat(taskService.getVariable(justiceTask, "progress")).isNull();

    // Their own task they may claim, but not hand to someone else.
    assertThat(
            clerk
                .postJson("/engine-rest/task/" + ownTask + "/claim", "{\"userId\": \"zzrsb1\"}")
                .status())
        .isEqualTo(204);
    assertThat(
            clerk
                .postJson("/engine-rest/task/" + ownTask + "/assignee", "{\"userId\": \"sfj1\"}")
                .status())
        .isEqualTo(403);
    // Giving it back is an assignment too (TASK_WORK does not include it); the office can.
    assertThat(clerk.postJson("/engine-rest/task/" + ownTask + "/unclaim", "{}").status())
        .isEqualTo(403);
    assertThat(office.postJson("/engine-rest/task/" + ownTask + "/unclaim", "{}").status())
        .isEqualTo(204);

    // Our own API applies the same rule.
    JsonNode items = clerk.get("/api/rounds/" + roundId + "/work-items").json();
    assertThat(items)
        .isNotEmpty()
        .allSatisfy(row -> assertThat(row.path("unitCode").asText()).isEqualTo("zzrsb"));
    assertThat(office.get("/api/rounds/" + roundId + "/work-items").json()).hasSize(4);
  }

  @Test
  void leadersReadAndTheOfficeOperates() {
    Api leader = Api.as(port, "leader1", "demo");
    assertThat(
            leader
                .get("/engine-rest/process-instance/count?processDefinitionKey=task-supervision")
                .json()
                .path("count")
                .asInt())
        .isGreaterThanOrEqualTo(2);
    assertThat(
            leader.get("/engine-rest/history/process-instance/count").json().path("count").asInt())
        .isPositive();
    assertThat(
            leader
                .postJson("/engine-rest/task/" + ownTask + "/submit-form", "{\"variables\": {}}")
                .status())
        .isEqualTo(403);
    assertThat(leader.postJson("/api/rounds", "{}").status()).isEqualTo(403);
    assertThat(
            leader
                .get("/api/rounds/" + roundId + "/progress")
                .json()
                .path("totals")
                .path("total")
                .asInt())
        .isEqualTo(4);

    assertThat(
            office
                .get("/engine-rest/task/count?processInstanceBusinessKeyLike=" + roundId + "/%25")
                .json()
                .path("count")
                .asInt())
        .isEqualTo(4);
  }

  @Test
  void theClerkMayNotDeployCreateFiltersOrSmuggleExpressions() {
    byte[] model =
        ("<?xml version=\"1.0\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
                + "targetNamespace=\"x\"><process id=\"evil\" isExecutable=\"true\"/></definitions>")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(
            clerk
                .upload("/engine-rest/deployment/create", "evil.bpmn", "application/xml", model)
                .status())
        .isIn(400, 403);

    Api.Response filterWithExpression =
        clerk.postJson(
            "/engine-rest/filter/create",
            "{\"resourceType\": \"Task\", \"name\": \"x\", \"query\": {\"dueAfterExpression\": \"${now()}\"}}");
    assertThat(filterWithExpression.status()).isEqualTo(400);
    assertThat(filterWithExpression.json().path("message").asText()).contains("表达式");
    assertThat(
            clerk
                .postJson(
                    "/engine-rest/filter/create",
                    "{\"resourceType\": \"Task\", \"name\": \"我的\", \"query\": {}}")
                .status())
        .isEqualTo(403);

    assertThat(
            clerk.get("/engine-rest/task?dueAfterExpression=%24%7Bnow()%7D&maxResults=10").status())
        .isEqualTo(400);
    Api.Response nested =
        clerk.postJson(
            "/engine-rest/task?maxResults=10",
            "{\"orQueries\": [{\"candidateGroupExpression\": \"${currentUserGroups()}\"}]}");
    assertThat(nested.status()).isEqualTo(400);
    assertThat(nested.json().path("error").asText()).isEqualTo("expression-not-allowed");

    // Java serialization is off: a serialized Java object is refused, not deserialized.
    Api.Response serialized =
        clerk.post(
            "/engine-rest/task/" + ownTask + "/variables/payload",
            "application/json",
            ("{\"value\": \"rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0eIHSHZnHYZ0DAAFJAARzaXpleHAAAAAAdwQAAAAAeA==\", "
                    + "\"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": \"java.util.ArrayList\", "
                    + "\"serializationDataFormat\": \"application/x-java-serialized-object\"}}")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(serialized.status()).isIn(400, 403, 405);
    assertThat(taskService.getVariable(ownTask, "payload")).isNull();
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
    assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
    // revokes are honoured (we set none): the revoke-aware SQL is also the one whose cost stays
    // linear
    assertThat(configuration.getAuthorizationCheckRevokes()).isEqualTo("always");
    assertThat(configuration.getQueryMaxResultsLimit()).isEqualTo(2000);
    assertThat(office.get("/engine-rest/task?maxResults=5000").status()).isEqualTo(400);

    // The administrator may do both.
    Api admin = Api.as(port, "admin", "demo");
    assertThat(
            admin
                .postJson(
                    "/engine-rest/filter/create",
                    "{\"resourceType\": \"Task\", \"name\": \"管理员的过滤器\", \"query\": {}}")
                .status())
        .isEqualTo(200);
  }

  @Test
  void reroutingATaskTakesTheOldUnitsGrantAway() {
    Api justice = Api.as(port, "sfj1", "demo");
    Api finance = Api.as(port, "czj1", "demo");
    assertThat(justice.get("/engine-rest/task/" + justiceTask).status()).isEqualTo(200);
    taskService.deleteCandidateGroup(justiceTask, "sfj");
    taskService.addCandidateGroup(justiceTask, "czj");
    assertThat(justice.get("/engine-rest/task/" + justiceTask).status()).isIn(403, 404);
    assertThat(finance.get("/engine-rest/task/" + justiceTask).status()).isEqualTo(200);
    taskService.deleteCandidateGroup(justiceTask, "czj");
    taskService.addCandidateGroup(justiceTask, "sfj");
  }

  @Test
  void oversizedAndMalformedInputIsRefusedWithJson() {
    byte[] big = new byte[21 * 1024 * 1024];
    Arrays.fill(big, (byte) 'a');
    Api.Response upload = office.upload("/api/plans", "plan.txt", "text/plain", big);
    assertThat(upload.status()).isIn(400, 413);
    assertThat(upload.json().path("message").asText()).containsPattern("\\p{IsHan}");
    Api.Response text = office.post("/api/plans/parse", "text/plain; charset=UTF-8", big);
    assertThat(text.status()).isEqualTo(413);
    assertThat(Api.anonymous(port).get("/actuator/health").json().path("status").asText())
        .isEqualTo("UP");

    Api.Response malformed = office.postJson("/api/rounds", "{\"planId\": 1, \"label\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.contentType()).startsWith("application/json");
    assertThat(malformed.json().path("message").asText()).containsPattern("\\p{IsHan}");
    assertThat(malformed.body())
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("com.fasterxml");

    Api.Response engineMalformed =
        office.postJson("/engine-rest/task?maxResults=10", "{\"name\": ");
    assertThat(engineMalformed.status()).isEqualTo(400);
    assertThat(engineMalformed.body()).doesNotContain("\tat ");
  }

  @Test
  void webappPagesAndApiAnswersCarrySecurityHeaders() throws Exception {
    var client = java.net.http.HttpClient.newHttpClient();
    var page =
        client.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        "http://localhost:" + port + "/camunda/app/tasklist/default/"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .get()
        .asString()
        .contains("default-src 'self'");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

    var api =
        client.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + "/api/units"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(api.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/json");
  }

  @Test
  void scriptInReportsStaysText() {
    String payload =
        "<script>alert(1)</script><img src=x onerror=alert(2)>{{constructor.constructor('alert(3)')()}}";
    Api clerk = Api.as(port, "sbj1", "demo");
    String json =
        "{\"variables\": {\"progress\": {\"value\": "
            + quote(payload)
            + "}, \"completion\": {\"value\": \"推进中\"}, "
            + "\"percent\": {\"value\": 10, \"type\": \"Integer\"}}}";
    assertThat(
            clerk
                .postJson("/engine-rest/task/" + socialSecurityTask + "/submit-form", json)
                .status())
        .isEqualTo(204);
    Api.Response variables =
        office.get("/engine-rest/history/variable-instance?variableName=progress&maxResults=50");
    assertThat(variables.contentType()).startsWith("application/json");
    assertThat(variables.json().findValuesAsText("value")).contains(payload);
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
