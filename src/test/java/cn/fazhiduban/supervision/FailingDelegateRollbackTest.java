package cn.fazhiduban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.springframework.test.context.TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS;

import cn.fazhiduban.plan.PlanRepository;
import cn.fazhiduban.support.ConsistentRecords;
import cn.fazhiduban.support.Jobs;
import cn.fazhiduban.support.OneEngineAtATime;
import cn.fazhiduban.support.ReportForm;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A delegate that fails after our rows were written: the engine and the JPA tables roll back
 * together, so neither the office's check record nor the closed work item nor the engine's progress
 * is left behind.
 */
@OneEngineAtATime
@TestExecutionListeners(listeners = ConsistentRecords.class, mergeMode = MERGE_WITH_DEFAULTS)
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
@ActiveProfiles("test")
class FailingDelegateRollbackTest {

  @MockitoSpyBean CloseTaskDelegate closeTaskDelegate;
  @Autowired RoundService rounds;
  @Autowired PlanRepository plans;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired WorkItemRepository workItems;
  @Autowired OfficeCheckRepository checks;
  @Autowired RoundTaskRepository roundTasks;

  @Test
  void aFailingCloseLeavesNeitherEngineStateNorRows() {
    RoundService.Opened round =
        rounds.open(
            new RoundService.OpenRound(
                plans.findAll().get(0).getId(),
                "回滚测试",
                OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(30),
                List.of(42)),
            "yfzqb1");
    runJobs(round.processInstanceId());
    ProcessInstance instance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(round.id() + "/42")
            .singleResult();
    complete(instance, TaskSupervision.Elements.SUBMIT_REPORT, ReportForm.filled());
    complete(
        instance,
        TaskSupervision.Elements.REVIEW_REPORT,
        Map.of(TaskSupervision.Variables.REVIEW_DECISION, "approved"));
    runJobs(instance.getId());

    // ServiceTask_CloseTask closes the work items, then fails.
    doAnswer(
            invocation -> {
              invocation.callRealMethod();
              throw new IllegalStateException("模拟故障：办结时数据库连接中断");
            })
        .when(closeTaskDelegate)
        .execute(any());

    Task check = task(instance, TaskSupervision.Elements.OFFICE_CHECK);
    assertThatThrownBy(
            () ->
                taskService.complete(
                    check.getId(), Map.of(TaskSupervision.Variables.CHECK_DECISION, "passed")))
        .hasMessageContaining("模拟故障");

    assertThat(taskService.createTaskQuery().taskId(check.getId()).count()).as("检查任务仍在").isOne();
    assertThat(
            runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .isOne();
    WorkItem item =
        workItems.findByRoundIdAndTaskNoAndUnitCode(round.id(), 42, "zzrsb").orElseThrow();
    assertThat(item.getStatus()).isEqualTo(WorkItemStatus.APPROVED);
    assertThat(item.getClosedAt()).isNull();
    long roundTaskId = roundTasks.findByRoundIdAndTaskNo(round.id(), 42).orElseThrow().getId();
    assertThat(checks.findByRoundTaskIdOrderById(roundTaskId)).as("检查记录未留下").isEmpty();
  }

  private void complete(ProcessInstance instance, String key, Map<String, Object> variables) {
    taskService.complete(task(instance, key).getId(), variables);
  }

  private Task task(ProcessInstance instance, String key) {
    return taskService
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey(key)
        .singleResult();
  }

  private void runJobs(String processInstanceId) {
    Jobs.runDue(managementService, processInstanceId);
  }
}
