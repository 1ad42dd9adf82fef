package cn.fazhiduban.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.context.TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS;

import cn.fazhiduban.support.Api;
import cn.fazhiduban.support.ConsistentRecords;
import cn.fazhiduban.support.FixturePlan;
import cn.fazhiduban.support.Poll;
import cn.fazhiduban.support.WebApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The done-when walk: a report due in 15 seconds that nobody submits shows as an open escalation
 * for the unit, and closes by itself when the clerk reports. The job executor runs as in
 * production; instead of waiting for the due date, the test moves the engine clock past it.
 */
@TestExecutionListeners(listeners = ConsistentRecords.class, mergeMode = MERGE_WITH_DEFAULTS)
@WebApplicationTest
class EscalationApiTest {

  @LocalServerPort int port;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static String reportTask(Api clerk, long roundId) {
    return Poll.until(
        "组织人事部的报送任务",
        Duration.ofSeconds(30),
        () -> {
          Api.Response tasks =
              clerk.get(
                  "/engine-rest/task?processInstanceBusinessKey="
                      + roundId
                      + "/42&taskDefinitionKey=Task_SubmitProgressReport&candidateGroup=zzrsb&maxResults=50");
          assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
          return tasks.json().isEmpty()
              ? Optional.empty()
              : Optional.of(tasks.json().get(0).path("id").asText());
        });
  }

  @Test
  void anUnsubmittedReportEscalatesAndClosesWhenTheClerkReports() {
    Api office = Api.as(port, "yfzqb1", "demo");
    Api clerk = Api.as(port, "zzrsb1", "demo");
    long planId = FixturePlan.id(office);
    OffsetDateTime due = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(15).withNano(0);
    long roundId = office.openRound(planId, "即将到期", due, 42).path("id").asLong();

    // The clerk's task is there with its timers; then forty-five seconds pass on the engine's
    // clock, which keeps
    // running from there as time does for a new user waiting.
    String task = reportTask(clerk, roundId);
    ClockUtil.offset(45_000L);
    JsonNode escalation;
    try {
      escalation =
          Poll.until(
              "组织人事部任务42的督办升级",
              Duration.ofSeconds(60),
              () -> {
                for (JsonNode row : office.get("/api/escalations?status=open").json()) {
                  if (row.path("roundId").asLong() == roundId
                      && row.path("taskNo").asInt() == 42
                      && row.path("unitCode").asText().equals("zzrsb")
                      && !row.path("level").asText().equals("提醒")) {
                    return Optional.of(row);
                  }
                }
                return Optional.empty();
              });
    } catch (AssertionError e) {
      throw new AssertionError(
          e.getMessage() + "；此时的作业：" + office.get("/engine-rest/job?maxResults=20").body(), e);
    }
    assertThat(escalation.path("unit").asText()).isEqualTo("组织人事部");
    // 45 seconds past the due date is no working day overdue: the first rung past the due date, 警示,
    // and no other.
    assertThat(escalation.path("level").asText()).isEqualTo("警示");
    assertThat(escalation.path("status").asText()).isEqualTo("open");
    assertThat(
            office
                .get("/api/rounds/" + roundId + "/work-items")
                .json()
                .get(0)
                .path("escalationLevel")
                .asText())
        .isEqualTo(escalation.path("level").asText());
    // Another unit's clerk does not see it; nor may a clerk close it.
    assertThat(Api.as(port, "sfj1", "demo").get("/api/escalations?status=open").json())
        .noneMatch(row -> row.path("unitCode").asText().equals("zzrsb"));
    assertThat(
            clerk
                .postJson(
                    "/api/escalations/" + escalation.path("id").asLong() + "/close",
                    "{\"reason\": \"自己关掉\"}")
                .status())
        .isEqualTo(403);

    Api.Response submitted =
        clerk.postJson(
            "/engine-rest/task/" + task + "/submit-form",
            """
        {"variables": {"progress": {"value": "已组建行政复议委员会。"}, "completion": {"value": "已完成"},
         "percent": {"value": 100, "type": "Integer"}}}""");
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);

    assertThat(office.get("/api/escalations?status=open").json())
        .noneMatch(row -> row.path("roundId").asLong() == roundId);
    JsonNode closed = null;
    for (JsonNode row : office.get("/api/escalations?status=closed").json()) {
      if (row.path("id").asLong() == escalation.path("id").asLong()) {
        closed = row;
      }
    }
    assertThat(closed).isNotNull();
    assertThat(closed.path("closedBy").asText()).isEqualTo("WORK_DONE");
    assertThat(office.get("/api/escalations?status=bogus").status()).isEqualTo(400);
  }

  @Test
  void onlyAdministratorsReadTheConsistencyReport() {
    Api.Response admin = Api.as(port, "admin", "demo").get("/api/admin/consistency");
    assertThat(admin.status()).isEqualTo(200);
    assertThat(admin.json().path("count").asInt())
        .isEqualTo(admin.json().path("disagreements").size());

    for (String user : new String[] {"yfzqb1", "leader1", "zzrsb1"}) {
      Api.Response refused = Api.as(port, user, "demo").get("/api/admin/consistency");
      assertThat(refused.status()).as(user).isEqualTo(403);
      assertThat(refused.json().path("error").asText()).isEqualTo("forbidden");
      assertThat(refused.json().path("message").asText()).contains("权限");
    }
  }
}
