package cn.fazhiduban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.support.Api;
import cn.fazhiduban.support.Poll;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A round for the whole shipped plan opens, and the job executor starts a task-supervision instance per task. */
abstract class WholePlanRoundTest {

  private static final Logger log = LoggerFactory.getLogger(WholePlanRoundTest.class);

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;

  @Test
  void aRoundForEveryTaskOfThePlan() {
    Api office = Api.as(port, "yfzqb1", "demo");
    long planId = office.get("/api/plans").json().get(0).path("id").asLong();
    String due = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(60).withNano(0).toString();

    long started = System.nanoTime();
    Api.Response opened = office.postJson("/api/rounds",
        "{\"planId\": %d, \"label\": \"全方案轮次\", \"reportDue\": \"%s\"}".formatted(planId, due));
    long openedMillis = (System.nanoTime() - started) / 1_000_000;
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    long roundId = opened.json().path("id").asLong();
    int workItems = opened.json().path("workItems").asInt();
    assertThat(workItems).isEqualTo(jdbc.queryForObject("select count(*) from work_item where round_id = ?",
        Integer.class, roundId)).isGreaterThan(1000);

    long instances = Poll.until("74 个任务督办实例", Duration.ofMinutes(5), () -> {
      long count = runtimeService.createProcessInstanceQuery().processDefinitionKey("task-supervision")
          .variableValueEquals("roundId", roundId).count();
      return count == 74 ? Optional.of(count) : Optional.empty();
    });
    long reportTasks = Poll.until("每个已确定的工作项都有报送任务", Duration.ofMinutes(5), () -> {
      long count = taskService.createTaskQuery().processVariableValueEquals("roundId", roundId)
          .taskDefinitionKey(TaskSupervision.Elements.SUBMIT_REPORT).count();
      return count == workItems ? Optional.of(count) : Optional.empty();
    });
    long allMillis = (System.nanoTime() - started) / 1_000_000;
    assertThat(instances).isEqualTo(74);
    assertThat(reportTasks).isEqualTo(workItems);
    assertThat(runtimeService.createIncidentQuery().count()).isZero();
    JsonNode progress = office.get("/api/rounds/" + roundId + "/progress").json();
    assertThat(progress.path("totals").path("total").asInt()).isEqualTo(workItems);
    assertThat(progress.path("totals").path("counts").path("ASSIGNED").asInt()).isEqualTo(workItems);
    log.warn("全方案轮次（{}）：{} 个工作项，POST /api/rounds 用时 {} ms，74 个任务实例与 {} 个报送任务就绪共用时 {} ms",
        getClass().getSimpleName(), workItems, openedMillis, reportTasks, allMillis);
  }
}
