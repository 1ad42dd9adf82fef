package cn.fazhiduban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.support.Api;
import cn.fazhiduban.support.FixturePlan;
import cn.fazhiduban.support.Poll;
import cn.fazhiduban.support.WebApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A round opens, and the job executor starts a task-supervision instance per chosen task with a
 * report task per work item. The whole plan's timing is a benchmark now ({@code scripts/bench},
 * round_open_work_items_per_s); this is the quick check that the counts agree.
 */
@WebApplicationTest
class RoundOpeningTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  void everyChosenTaskGetsAnInstanceAndEveryWorkItemAReportTask() {
    Api office = Api.as(port, "yfzqb1", "demo");
    long planId = FixturePlan.id(office);
    OffsetDateTime due = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(60).withNano(0);

    JsonNode opened = office.openRound(planId, "开轮检查", due, 1, 2, 3, 4, 5, 6, 7, 8);
    long roundId = opened.path("id").asLong();
    int workItems = opened.path("workItems").asInt();
    assertThat(workItems)
        .isEqualTo(
            jdbc.queryForObject(
                "select count(*) from work_item where round_id = ?", Integer.class, roundId))
        .isGreaterThan(8);

    long instances =
        Poll.until(
            "8 个任务督办实例",
            Duration.ofMinutes(1),
            () -> {
              long count =
                  runtimeService
                      .createProcessInstanceQuery()
                      .processDefinitionKey("task-supervision")
                      .variableValueEquals("roundId", roundId)
                      .count();
              return count == 8 ? Optional.of(count) : Optional.empty();
            });
    long reportTasks =
        Poll.until(
            "每个工作项都有报送任务",
            Duration.ofMinutes(1),
            () -> {
              long count =
                  taskService
                      .createTaskQuery()
                      .processVariableValueEquals("roundId", roundId)
                      .taskDefinitionKey(TaskSupervision.Elements.SUBMIT_REPORT)
                      .count();
              return count == workItems ? Optional.of(count) : Optional.empty();
            });
    assertThat(instances).isEqualTo(8);
    assertThat(reportTasks).isEqualTo(workItems);
    // no incident on the round's instances (the shared application holds other classes' work)
    runtimeService
        .createProcessInstanceQuery()
        .variableValueEquals("roundId", roundId)
        .list()
        .forEach(
            instance ->
                assertThat(
                        runtimeService
                            .createIncidentQuery()
                            .processInstanceId(instance.getId())
                            .count())
                    .as("流程实例 %s 的事故", instance.getId())
                    .isZero());
    JsonNode progress = office.get("/api/rounds/" + roundId + "/progress").json();
    assertThat(progress.path("totals").path("total").asInt()).isEqualTo(workItems);
    assertThat(progress.path("totals").path("counts").path("ASSIGNED").asInt())
        .isEqualTo(workItems);
  }
}
