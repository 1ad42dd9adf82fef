package cn.fazhiduban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.plan.PlanRepository;
import cn.fazhiduban.support.OneEngineAtATime;
import cn.fazhiduban.support.Poll;
import cn.fazhiduban.support.PostgresTest;
import cn.fazhiduban.support.ReportForm;
import cn.fazhiduban.unit.Unit;
import cn.fazhiduban.unit.UnitDirectory;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every unit of the district reports on one task at the same moment, on real PostgreSQL with the
 * job executor on, as in production. The parallel branches meet at the multi-instance join; none
 * may be lost and no incident may arise.
 */
@OneEngineAtATime
@SpringBootTest(properties = "duban.demo.enabled=true")
@ActiveProfiles({"test", "postgres"})
class ConcurrentReportsPostgresTest extends PostgresTest {

  @Autowired RoundService rounds;
  @Autowired PlanRepository plans;
  @Autowired UnitDirectory directory;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void thirtyAndMoreUnitsReportAtOnce() throws Exception {
    long planId = plans.findAll().get(0).getId();
    // Task 15 names only 有关部门, so the office assigns units: here every unit, each also a lead unit,
    // so that each
    // report goes straight to the join without a review in between.
    RoundService.Opened round =
        rounds.open(
            new RoundService.OpenRound(
                planId,
                "并发测试",
                OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(30),
                List.of(15)),
            "yfzqb1");
    ProcessInstance instance =
        Poll.until(
            "任务 15 的督办实例",
            Duration.ofSeconds(30),
            () ->
                Optional.ofNullable(
                    runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceBusinessKey(round.id() + "/15")
                        .singleResult()));
    Task confirm =
        Poll.until(
            "确认承办单位",
            Duration.ofSeconds(30),
            () ->
                Optional.ofNullable(
                    taskService
                        .createTaskQuery()
                        .processInstanceId(instance.getId())
                        .taskDefinitionKey(TaskSupervision.Elements.CONFIRM_ASSIGNMENT)
                        .singleResult()));
    List<String> codes = directory.units().stream().map(Unit::code).toList();
    assertThat(codes).hasSizeGreaterThanOrEqualTo(30);
    String json = toJson(codes);
    taskService.complete(
        confirm.getId(),
        Map.of(
            "assignedLeadUnits", SpinValues.jsonValue(json).create(),
            "assignedResponsibleUnits", SpinValues.jsonValue(json).create()));

    List<Task> reports =
        taskService
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .taskDefinitionKey(TaskSupervision.Elements.SUBMIT_REPORT)
            .list();
    assertThat(reports).hasSize(codes.size());

    ExecutorService pool = Executors.newFixedThreadPool(reports.size());
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (Task report : reports) {
      done.add(
          pool.submit(
              () -> {
                start.await();
                taskService.complete(report.getId(), ReportForm.filled());
                return null;
              }));
    }
    start.countDown();
    for (Future<?> future : done) {
      future.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    Poll.until(
        "依法治区办检查",
        Duration.ofSeconds(60),
        () ->
            Optional.ofNullable(
                taskService
                    .createTaskQuery()
                    .processInstanceId(instance.getId())
                    .taskDefinitionKey(TaskSupervision.Elements.OFFICE_CHECK)
                    .singleResult()));
    assertThat(runtimeService.createIncidentQuery().count()).isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from work_item where round_id = ? and status = 'APPROVED'",
                Integer.class,
                round.id()))
        .isEqualTo(codes.size());
    assertThat(
            jdbc.queryForObject(
                "select count(*) from progress_report r join work_item w on w.id = r.work_item_id "
                    + "where w.round_id = ?",
                Integer.class,
                round.id()))
        .isEqualTo(codes.size());
  }

  private static String toJson(List<String> codes) {
    return codes.stream()
        .map(code -> "\"" + code + "\"")
        .collect(java.util.stream.Collectors.joining(",", "[", "]"));
  }
}
