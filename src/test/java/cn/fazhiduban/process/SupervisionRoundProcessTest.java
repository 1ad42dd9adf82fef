package cn.fazhiduban.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import cn.fazhiduban.supervision.RoundService;
import cn.fazhiduban.supervision.SupervisionRound;
import cn.fazhiduban.supervision.SupervisionRoundProcess;
import cn.fazhiduban.supervision.SupervisionRoundRepository;
import cn.fazhiduban.supervision.TaskSupervision;
import cn.fazhiduban.support.ReportForm;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * supervision-round: one task-supervision instance per chosen task; the round closes when all are
 * done.
 */
@CoverageOf(SupervisionRoundProcess.PROCESS_ID)
class SupervisionRoundProcessTest extends ProcessTestSupport {

  @Autowired SupervisionRoundRepository rounds;

  @Test
  void opensATaskInstancePerTaskAndClosesWhenAllAreDone() {
    RoundService.Opened opened = openRound(42, 73);
    ProcessInstance round =
        runtimeService()
            .createProcessInstanceQuery()
            .processInstanceId(opened.processInstanceId())
            .singleResult();
    assertThat(round).isWaitingAt(SupervisionRoundProcess.Elements.SUPERVISE_TASK);
    assertThat(round).hasBusinessKey(String.valueOf(opened.id()));

    executeJobs(round.getId());
    for (int taskNo : new int[] {42, 73}) {
      ProcessInstance task = taskInstance(opened.id(), taskNo);
      assertThat(task).as("任务 %d 的督办实例", taskNo).isNotNull().isActive();
      assertThat(task).hasBusinessKey(opened.id() + "/" + taskNo);
    }
    assertThat(rounds.findById(opened.id()).orElseThrow().getStatus())
        .isEqualTo(SupervisionRound.Status.OPEN);

    for (int taskNo : new int[] {42, 73}) {
      ProcessInstance task = taskInstance(opened.id(), taskNo);
      complete(task, TaskSupervision.Elements.SUBMIT_REPORT, ReportForm.filled());
      complete(
          task,
          TaskSupervision.Elements.REVIEW_REPORT,
          Map.of(TaskSupervision.Variables.REVIEW_DECISION, "approved"));
      executeJobs(task.getId());
      complete(
          task,
          TaskSupervision.Elements.OFFICE_CHECK,
          Map.of(TaskSupervision.Variables.CHECK_DECISION, "passed"));
      assertThat(task).isEnded();
    }
    executeJobs(round.getId());

    assertThat(round)
        .isEnded()
        .hasPassed(
            SupervisionRoundProcess.Elements.CLOSE_ROUND, SupervisionRoundProcess.Elements.END);
    SupervisionRound closed = rounds.findById(opened.id()).orElseThrow();
    assertThat(closed.getStatus()).isEqualTo(SupervisionRound.Status.CLOSED);
    assertThat(closed.getClosedAt()).isNotNull();
  }

  private static void complete(
      ProcessInstance instance, String key, Map<String, Object> variables) {
    taskService()
        .complete(
            taskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(key)
                .singleResult()
                .getId(),
            variables);
  }
}
