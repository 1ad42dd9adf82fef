package cn.fazhiduban.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.support.Api;
import cn.fazhiduban.support.Poll;
import cn.fazhiduban.support.WebApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The done-when of the reports, tried as a new user would: a plan of our own with tasks 4, 37 and
 * 42, a round open for them and one report submitted; then the leader reads progress, scores, the
 * 台账 and the annual report, and may not open a round; an edited {@code unit-score} table,
 * redeployed, changes the next score.
 */
@WebApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportingApiTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String REPORT_TEXT = "已设立行政复议委员会，召开第一次全体会议审议重大案件三件。";

  @LocalServerPort int port;

  @Autowired RepositoryService repositoryService;

  Api office;
  Api leader;
  long roundId;
  int year;
  int workItems;

  @BeforeAll
  void openRoundAndReport() throws IOException {
    office = Api.as(port, "yfzqb1", "demo");
    leader = Api.as(port, "leader1", "demo");
    String plan =
        Files.readString(
            Path.of("src/test/resources/reporting/small-plan.txt"), StandardCharsets.UTF_8);
    Api.Response imported = office.postText("/api/plans", plan);
    assertThat(imported.status()).as(imported.body()).isIn(200, 201);
    assertThat(imported.json().path("tasks").asInt()).isEqualTo(3);
    long planId = imported.json().path("id").asLong();
    OffsetDateTime due = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(20).withNano(0);
    year = due.getYear();
    JsonNode opened = office.openRound(planId, "报表测试", due, 42, 37, 4);
    roundId = opened.path("id").asLong();
    workItems = opened.path("workItems").asInt();
    assertThat(workItems).isGreaterThanOrEqualTo(5);

    Api clerk = Api.as(port, "zzrsb1", "demo");
    String task =
        Poll.until(
            "组织人事部第42项的报送任务",
            WAIT,
            () -> {
              JsonNode tasks =
                  clerk
                      .get(
                          "/engine-rest/task?processInstanceBusinessKey="
                              + roundId
                              + "/42&taskDefinitionKey=Task_SubmitProgressReport&maxResults=10")
                      .json();
              return tasks.isEmpty()
                  ? Optional.empty()
                  : Optional.of(tasks.get(0).path("id").asText());
            });
    Api.Response submitted =
        clerk.postJson(
            "/engine-rest/task/" + task + "/submit-form",
            """
        {"variables": {"progress": {"value": "%s"}, "completion": {"value": "推进中"},
         "percent": {"value": 60, "type": "Integer"}}}"""
                .formatted(REPORT_TEXT));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
    Poll.until(
        "第42项组织人事部已报送",
        WAIT,
        () ->
            office
                    .get("/api/rounds/" + roundId + "/work-items?unit=zzrsb")
                    .json()
                    .get(0)
                    .path("status")
                    .asText()
                    .equals("REPORTED")
                ? Optional.of(true)
                : Optional.empty());
    // every task's instance has made its work items before we count them
    Poll.until(
        "三项任务的工作事项",
        WAIT,
        () ->
            office.get("/api/rounds/" + roundId + "/work-items").json().size() == workItems
                ? Optional.of(true)
                : Optional.empty());
  }

  @Test
  @Order(1)
  void leaderSeesProgressOfEveryUnitWithLights() {
    JsonNode progress = leader.get("/api/rounds/" + roundId + "/progress").json();
    int sum = 0;
    for (JsonNode unit : progress.path("byUnit")) {
      sum += unit.path("total").asInt();
      assertThat(unit.path("light").asText()).isIn("green", "yellow", "red");
    }
    assertThat(sum).isEqualTo(workItems);

    JsonNode overview = leader.get("/api/overview?roundId=" + roundId).json();
    assertThat(overview.path("total").asInt()).isEqualTo(workItems);
    int overviewSum = 0;
    for (JsonNode unit : overview.path("byUnit")) {
      overviewSum += unit.path("total").asInt();
      assertThat(unit.path("light").asText()).isIn("green", "yellow", "red");
      assertThat(unit.path("score").asDouble()).isBetween(0.0, 100.0);
    }
    assertThat(overviewSum).isEqualTo(workItems);
    assertThat(overview.path("byChapter"))
        .extracting(c -> c.path("chapter").asText())
        .containsExactlyInAnyOrder("二", "六", "七");
    assertThat(overview.path("openEscalations"))
        .extracting(g -> g.path("level").asText())
        .containsExactly("约谈", "通报", "挂牌督办", "警示", "提醒");
  }

  @Test
  @Order(2)
  void scoresGiveARowPerUnitWithWorkInTheRound() {
    JsonNode rows = leader.get("/api/scores?year=" + year).json().path("units");
    Set<String> units = new HashSet<>();
    office
        .get("/api/rounds/" + roundId + "/work-items")
        .json()
        .forEach(item -> units.add(item.path("unitCode").asText()));
    Set<String> scored = new HashSet<>();
    for (JsonNode row : rows) {
      scored.add(row.path("unitCode").asText());
      assertThat(row.path("score").asDouble()).isBetween(0.0, 100.0);
      assertThat(row.path("inputs").has("findingsGeneral")).isTrue();
    }
    assertThat(scored).containsAll(units);
    // the year's rows hold what other rounds of the year brought; this round's row holds its own
    JsonNode zzrsb =
        find(leader.get("/api/scores?roundId=" + roundId).json().path("units"), "zzrsb");
    assertThat(zzrsb.path("inputs").path("reportsOnTime").asInt()).isEqualTo(1);
    assertThat(zzrsb.path("onTimeRate").asDouble()).isEqualTo(1.0);

    // a unit sees its own row only; bad input is a Chinese 400
    JsonNode own =
        Api.as(port, "zzrsb1", "demo").get("/api/scores?roundId=" + roundId).json().path("units");
    assertThat(own).extracting(r -> r.path("unitCode").asText()).containsExactly("zzrsb");
    Api.Response bad = leader.get("/api/scores");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("message").asText()).contains("年份");
  }

  @Test
  @Order(3)
  void ledgerIsAWorkbookWithUnitsTaskTextAndReportText() throws IOException {
    byte[] xlsx = download("leader1", "/api/rounds/" + roundId + "/ledger.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("工作事项");
      List<String> texts = texts(workbook.getSheetAt(0));
      assertThat(texts)
          .contains(
              "任务编号",
              "章节",
              "任务内容",
              "牵头单位",
              "承办单位",
              "状态",
              "截止时间",
              "上报时间",
              "最新进展",
              "审核意见",
              "督办等级",
              "逾期工作日",
              "组织人事部",
              "司法局",
              "政法委",
              REPORT_TEXT);
      assertThat(texts).anyMatch(t -> t.startsWith("继续深化行政复议体制改革"));
      assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(workItems);
      assertThat(workbook.getSheetAt(0).getPaneInformation().isFreezePane()).isTrue();
      assertThat(workbook.getSheet("单位汇总")).isNotNull();
      assertThat(texts(workbook.getSheet("单位汇总"))).contains("组织人事部", "得分");
      assertThat(texts(workbook.getSheet("章节汇总"))).anyMatch(t -> t.startsWith("七"));
    }
    // a clerk's 台账 holds his own unit's rows only
    byte[] own = download("zzrsb1", "/api/rounds/" + roundId + "/ledger.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(own))) {
      assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(1);
      // 司法局 appears as the lead unit of task 42; no other unit's work does
      assertThat(texts(workbook.getSheetAt(0))).contains("组织人事部").doesNotContain("政法委", "市场监管局");
    }
    assertThat(leader.get("/api/rounds/999999/ledger.xlsx").status()).isEqualTo(404);
  }

  @Test
  @Order(4)
  void annualReportIsADocxTitledWithTheRuleOfLawGovernment() throws IOException {
    Api.Response started =
        office.postJson(
            "/engine-rest/process-definition/key/annual-report/submit-form",
            "{\"variables\": {\"year\": {\"value\": %d, \"type\": \"Integer\"}}}".formatted(year));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    byte[] docx = download("leader1", "/api/reports/annual/" + year + ".docx");
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
      List<String> paragraphs =
          document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
      assertThat(paragraphs.get(0)).contains("法治政府建设").contains(String.valueOf(year));
      assertThat(paragraphs)
          .contains(
              "一、总体情况",
              "二、各章节任务推进情况",
              "三、存在的问题及整改情况",
              "四、督办升级及处理结果",
              "五、责任单位考核得分",
              "六、" + (year + 1) + "年工作安排");
    }
    // a clerk may not read the district's report, nor start it
    assertThat(Api.as(port, "zzrsb1", "demo").get("/api/reports/annual/" + year + ".docx").status())
        .isEqualTo(403);
    assertThat(
            Api.as(port, "zzrsb1", "demo")
                .postJson(
                    "/engine-rest/process-definition/key/annual-report/submit-form",
                    "{\"variables\": {\"year\": {\"value\": %d, \"type\": \"Integer\"}}}"
                        .formatted(year))
                .status())
        .isIn(403, 404);
  }

  @Test
  @Order(5)
  void modelsAreDeployedAndLeadersAreReadOnly() {
    JsonNode definitions = leader.get("/engine-rest/process-definition?key=annual-report").json();
    assertThat(definitions).isNotEmpty();
    JsonNode decisions = leader.get("/engine-rest/decision-definition?key=unit-score").json();
    assertThat(decisions).isNotEmpty();
    Api.Response refused =
        leader.postJson(
            "/api/rounds",
            "{\"planId\": 1, \"label\": \"领导不能开轮次\", \"reportDue\": \"2030-12-31T18:00:00+08:00\"}");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().path("error").asText()).isEqualTo("forbidden");
  }

  @Test
  @Order(6)
  void aRedeployedTableChangesTheNextScore() throws IOException {
    // 司法局 returns 组织人事部's report: one return, 0.5 off under the shipped table
    Api reviewer = Api.as(port, "sfj1", "demo");
    String review =
        Poll.until(
            "司法局的审核任务",
            WAIT,
            () -> {
              JsonNode tasks =
                  reviewer
                      .get(
                          "/engine-rest/task?processInstanceBusinessKey="
                              + roundId
                              + "/42&taskDefinitionKey=Task_ReviewReport&maxResults=10")
                      .json();
              return tasks.isEmpty()
                  ? Optional.empty()
                  : Optional.of(tasks.get(0).path("id").asText());
            });
    Api.Response returned =
        reviewer.postJson(
            "/engine-rest/task/" + review + "/submit-form",
            """
        {"variables": {"reviewDecision": {"value": "returned"}, "reviewOpinion": {"value": "请补充会议纪要。"}}}""");
    assertThat(returned.status()).as(returned.body()).isEqualTo(204);
    JsonNode before =
        Poll.until(
            "组织人事部的退回扣分",
            WAIT,
            () -> {
              JsonNode row =
                  find(leader.get("/api/scores?roundId=" + roundId).json().path("units"), "zzrsb");
              return row.path("inputs").path("reportsReturned").asInt() == 1
                  ? Optional.of(row)
                  : Optional.empty();
            });
    assertThat(before.path("totalDeduction").asDouble()).isEqualTo(0.5);
    assertThat(before.path("score").asDouble()).isEqualTo(99.5);
    assertThat(before.path("deductions").get(0).path("name").asText()).contains("退回");

    String shipped =
        Files.readString(Path.of("processes", "unit-score.dmn"), StandardCharsets.UTF_8);
    String edited = shipped.replace("reportsReturned * 0.5", "reportsReturned * 3");
    assertThat(edited).isNotEqualTo(shipped);
    int shippedVersion =
        leader.get("/api/scores?roundId=" + roundId).json().path("decisionVersion").asInt();
    deployScoreTable("unit-score 修改扣分", edited);

    JsonNode after =
        find(leader.get("/api/scores?roundId=" + roundId).json().path("units"), "zzrsb");
    assertThat(after.path("totalDeduction").asDouble()).isEqualTo(3.0);
    assertThat(after.path("score").asDouble()).isEqualTo(97.0);
    assertThat(leader.get("/api/scores?roundId=" + roundId).json().path("decisionVersion").asInt())
        .isEqualTo(shippedVersion + 1);

    // the classes after this one in the shared application score with the shipped table again
    deployScoreTable("unit-score 恢复", shipped);
  }

  private void deployScoreTable(String name, String dmn) {
    repositoryService.createDeployment().name(name).addString("unit-score.dmn", dmn).deploy();
  }

  // ---- helpers ----

  private static JsonNode find(JsonNode rows, String unitCode) {
    for (JsonNode row : rows) {
      if (row.path("unitCode").asText().equals(unitCode)) {
        return row;
      }
    }
    throw new AssertionError("没有 " + unitCode + " 的一行：" + rows);
  }

  /** A binary download as the user (password demo); fails unless 200. */
  private byte[] download(String user, String path) {
    String token =
        Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    try {
      HttpResponse<byte[]> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                      .header("Authorization", "Basic " + token)
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode())
          .as(new String(response.body(), StandardCharsets.UTF_8))
          .isEqualTo(200);
      return response.body();
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static List<String> texts(Sheet sheet) {
    List<String> texts = new ArrayList<>();
    for (Row row : sheet) {
      for (Cell cell : row) {
        texts.add(cell.toString());
      }
    }
    return texts;
  }
}
