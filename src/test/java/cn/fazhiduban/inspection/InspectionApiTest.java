package cn.fazhiduban.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.support.Api;
import cn.fazhiduban.support.OneEngineAtATime;
import cn.fazhiduban.support.Poll;
import cn.fazhiduban.unit.Unit;
import cn.fazhiduban.unit.UnitDirectory;
import cn.fazhiduban.unit.UnitKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The done-when walk over HTTP, as a new user would do it: yfzqb1 starts an inspection of two units
 * through the engine's REST API (as Tasklist does), the clerks and the office complete their tasks,
 * and {@code /api/inspections} shows the result; units see only their own rows; a clerk can neither
 * start an inspection nor read its report.
 */
@OneEngineAtATime
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InspectionApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOPIC = "权责清单制度落实情况";

  @LocalServerPort int port;

  @Autowired UnitDirectory directory;

  @Autowired IdentityService identity;

  @Test
  void theOfficeInspectsTwoUnitsAndTheCoverageShowsBothCovered() throws Exception {
    Api office = Api.as(port, "yfzqb1", "demo");
    Api.Response imported =
        office.post(
            "/api/plans",
            "text/plain; charset=UTF-8",
            InspectionFixtures.planText()
                .replace(InspectionFixtures.TITLE, "接口" + InspectionFixtures.TITLE)
                .getBytes(StandardCharsets.UTF_8));
    assertThat(imported.status()).as(imported.body()).isIn(200, 201);
    long planId = imported.json().path("id").asLong();
    List<Unit> units = InspectionFixtures.twoUnits(directory);
    Unit first = units.get(0);
    Unit second = units.get(1);
    Api firstClerk = Api.as(port, InspectionFixtures.userOf(identity, first.code()), "demo");
    Api secondClerk = Api.as(port, InspectionFixtures.userOf(identity, second.code()), "demo");
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    // coverage counts every inspection of the plan's period, also those of other classes in the
    // shared application
    Set<String> coveredBefore =
        covered(office.get("/api/inspections/coverage?plan=" + planId).json());

    // a clerk may not start an inspection
    Api.Response refused =
        firstClerk.postJson(
            "/engine-rest/process-definition/key/inspection/submit-form",
            startForm(planId, first.code() + "," + second.code(), today));
    assertThat(refused.status()).as(refused.body()).isEqualTo(403);

    Api.Response started =
        office.postJson(
            "/engine-rest/process-definition/key/inspection/submit-form",
            startForm(planId, first.code() + "," + second.code(), today));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instance = started.json().path("id").asText();

    complete(
        firstClerk,
        task(firstClerk, instance, InspectionProcess.Elements.SUBMIT_SELF_INSPECTION),
        Map.of("selfReport", "自查情况如下……"));
    complete(
        secondClerk,
        task(secondClerk, instance, InspectionProcess.Elements.SUBMIT_SELF_INSPECTION),
        Map.of("selfReport", "未发现问题。"));

    String deadline = today.plusDays(20).toString();
    String findings =
        JSON.writeValueAsString(
            List.of(
                Map.of(
                    "description",
                    "执法公示不及时",
                    "category",
                    "一、健全政府机构职能体系",
                    "severity",
                    "一般",
                    "deadline",
                    deadline,
                    "typicalCase",
                    false),
                Map.of(
                    "description",
                    "未经法制审核作出重大执法决定",
                    "category",
                    "二、严格规范公正文明执法",
                    "severity",
                    "严重",
                    "deadline",
                    deadline,
                    "typicalCase",
                    true)));
    for (int i = 0; i < 2; i++) {
      String opinion = task(office, instance, InspectionProcess.Elements.RECORD_OPINION);
      String unitCode =
          office
              .get("/engine-rest/task/" + opinion + "/variables/unitCode")
              .json()
              .path("value")
              .asText();
      complete(
          office,
          opinion,
          unitCode.equals(first.code())
              ? Map.of("opinion", "存在两处问题。", "findings", findings)
              : Map.of("opinion", "未发现问题。", "findings", "[]"));
    }

    // the second unit closed at once; the first rectifies both findings, one is returned once
    for (int i = 0; i < 2; i++) {
      complete(
          firstClerk,
          task(firstClerk, instance, InspectionProcess.Elements.RECTIFY_FINDING),
          Map.of("rectifyMeasures", "建立台账。", "rectifyResult", "已整改。"));
    }
    complete(
        office,
        task(office, instance, InspectionProcess.Elements.ACCEPT_RECTIFICATION),
        Map.of("acceptDecision", "returned", "acceptOpinion", "台账不全，请补齐。"));
    complete(
        office,
        task(office, instance, InspectionProcess.Elements.ACCEPT_RECTIFICATION),
        Map.of("acceptDecision", "passed"));
    complete(
        firstClerk,
        task(firstClerk, instance, InspectionProcess.Elements.RECTIFY_FINDING),
        Map.of("rectifyMeasures", "补齐台账。", "rectifyResult", "已补齐。"));
    complete(
        office,
        task(office, instance, InspectionProcess.Elements.ACCEPT_RECTIFICATION),
        Map.of("acceptDecision", "passed"));
    complete(
        office,
        task(office, instance, InspectionProcess.Elements.PUBLISH_NOTICE),
        Map.of("noticeDecision", "skip"));

    JsonNode list =
        Poll.until(
            "督察办结",
            Duration.ofSeconds(30),
            () -> {
              JsonNode row = ours(office.get("/api/inspections?year=" + today.getYear()).json());
              return "CLOSED".equals(row.path("status").asText())
                  ? Optional.of(row)
                  : Optional.empty();
            });
    assertThat(list.path("units")).hasSize(2);
    assertThat(list.path("reportDrafted").asBoolean()).isTrue();
    assertThat(list.path("startedAt").asText()).endsWith("+08:00");

    JsonNode coverage = office.get("/api/inspections/coverage?plan=" + planId).json();
    int inScope = (int) directory.units().stream().filter(u -> u.kind() != UnitKind.OFFICE).count();
    assertThat(coverage.path("unitsInScope").asInt()).isEqualTo(inScope);
    Set<String> coveredNow = new HashSet<>(coveredBefore);
    coveredNow.addAll(List.of(first.code(), second.code()));
    assertThat(covered(coverage)).isEqualTo(coveredNow);
    assertThat(coverage.path("coveredUnits").asInt()).isEqualTo(coveredNow.size());
    assertThat(coverage.path("coverageRate").asDouble())
        .isEqualTo((double) coveredNow.size() / inScope);
    assertThat(coverage.path("units"))
        .filteredOn(u -> List.of(first.code(), second.code()).contains(u.path("unitCode").asText()))
        .hasSize(2)
        .allSatisfy(u -> assertThat(u.path("covered").asBoolean()).isTrue());
    assertThat(coverage.path("daysLeft").asLong()).isPositive();

    // a clerk sees only the own unit's rows
    JsonNode own = firstClerk.get("/api/inspections/coverage?plan=" + planId).json();
    assertThat(own.path("units"))
        .extracting(u -> u.path("unitCode").asText())
        .containsExactly(first.code());
    JsonNode ownList = ours(firstClerk.get("/api/inspections").json());
    assertThat(ownList.path("units"))
        .extracting(u -> u.path("unitCode").asText())
        .containsExactly(first.code());

    // the 督察报告 for the office; not for a clerk
    long id = list.path("id").asLong();
    HttpResponse<byte[]> docx = download("/api/inspections/" + id + "/report.docx", "yfzqb1");
    assertThat(docx.statusCode()).isEqualTo(200);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()));
        XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
      assertThat(text.getText()).contains("法治督察报告", first.name(), second.name(), "未经法制审核作出重大执法决定");
    }
    Api.Response clerkReport = firstClerk.get("/api/inspections/" + id + "/report.docx");
    assertThat(clerkReport.status()).isEqualTo(403);
    assertThat(clerkReport.json().path("message").asText()).contains("督察报告");

    // the Cockpit data wants a Cockpit session, not a password
    Api.Response noSession = Api.anonymous(port).get("/camunda/duban/inspections/coverage");
    assertThat(noSession.status()).isEqualTo(401);
    assertThat(noSession.json().path("error").asText()).isEqualTo("unauthorized");
  }

  /** This test's inspection among the listed ones: the only one with its topic. */
  private static JsonNode ours(JsonNode rows) {
    List<JsonNode> matching = new ArrayList<>();
    rows.forEach(
        row -> {
          if (row.path("topic").asText().equals(TOPIC)) {
            matching.add(row);
          }
        });
    assertThat(matching).as("主题为「%s」的督察", TOPIC).hasSize(1);
    return matching.get(0);
  }

  private static Set<String> covered(JsonNode coverage) {
    Set<String> codes = new HashSet<>();
    coverage
        .path("units")
        .forEach(
            unit -> {
              if (unit.path("covered").asBoolean()) {
                codes.add(unit.path("unitCode").asText());
              }
            });
    return codes;
  }

  private String startForm(long planId, String unitCodes, LocalDate today) throws Exception {
    ObjectNode variables = JSON.createObjectNode();
    Map.of(
            "planId",
            String.valueOf(planId),
            "unitCodes",
            unitCodes,
            "kind",
            "书面督察",
            "topic",
            TOPIC,
            "groupMembers",
            "yfzqb1",
            "startsOn",
            today.toString(),
            "endsOn",
            today.plusDays(30).toString(),
            "selfReportDeadline",
            today.plusDays(10).toString())
        .forEach(
            (name, value) -> variables.putObject(name).put("value", value).put("type", "String"));
    return JSON.writeValueAsString(Map.of("variables", variables));
  }

  private static String task(Api api, String instance, String key) {
    return Poll.until(
        key,
        Duration.ofSeconds(30),
        () -> {
          Api.Response tasks =
              api.get(
                  "/engine-rest/task?processInstanceId="
                      + instance
                      + "&taskDefinitionKey="
                      + key
                      + "&maxResults=10");
          assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
          return tasks.json().isEmpty()
              ? Optional.empty()
              : Optional.of(tasks.json().get(0).path("id").asText());
        });
  }

  private static void complete(Api api, String task, Map<String, String> values) throws Exception {
    ObjectNode variables = JSON.createObjectNode();
    values.forEach(
        (name, value) -> variables.putObject(name).put("value", value).put("type", "String"));
    Api.Response done =
        api.postJson(
            "/engine-rest/task/" + task + "/complete",
            JSON.writeValueAsString(Map.of("variables", variables)));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
  }

  private HttpResponse<byte[]> download(String path, String user) throws Exception {
    String token =
        Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + token)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }
}
