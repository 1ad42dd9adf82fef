package cn.fazhiduban.escalation;

import cn.fazhiduban.engine.ConsistencyCheck;
import cn.fazhiduban.supervision.SupervisedWork;
import cn.fazhiduban.supervision.SupervisedWork.WorkItemView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Escalations against the engine and the work items: an open escalation belongs to work its unit
 * still owes, from 挂牌督办 up it has a running {@code escalation} instance, a closed one has none, and
 * every running instance serves an open escalation.
 */
@Component
class EscalationConsistency implements ConsistencyCheck {

  private final EscalationRepository escalations;
  private final SupervisedWork work;
  private final RuntimeService runtimeService;

  EscalationConsistency(
      EscalationRepository escalations, SupervisedWork work, RuntimeService runtimeService) {
    this.escalations = escalations;
    this.work = work;
    this.runtimeService = runtimeService;
  }

  @Override
  public List<Disagreement> disagreements() {
    List<Disagreement> found = new ArrayList<>();
    Set<String> running = new HashSet<>();
    runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(EscalationProcess.PROCESS_ID)
        .list()
        .stream()
        .map(ProcessInstance::getId)
        .forEach(running::add);
    Set<String> served = new HashSet<>();
    for (Escalation e : escalations.findAllByOrderBySinceDescIdDesc()) {
      boolean instanceRuns =
          e.getProcessInstanceId() != null && running.contains(e.getProcessInstanceId());
      if (e.getStatus() == Escalation.Status.CLOSED) {
        if (instanceRuns) {
          found.add(disagreement(e, "督办已结束，但督办流程仍在运行"));
        }
        continue;
      }
      served.add(e.getProcessInstanceId());
      Optional<WorkItemView> item = work.workItem(e.getWorkItemId());
      if (item.isEmpty() || !item.get().status().awaitsUnit()) {
        found.add(disagreement(e, "督办仍开启，但工作项" + item.map(i -> "状态为 " + i.status()).orElse("不存在")));
      }
      if (e.getLevel().isAtLeast(EscalationLevel.SUPERVISED) && !instanceRuns) {
        found.add(disagreement(e, e.getLevel().label() + "仍开启，但没有运行中的督办流程"));
      }
    }
    for (String instance : running) {
      if (!served.contains(instance)) {
        found.add(new Disagreement("escalation", null, instance, "督办流程在运行，但没有对应的开启督办记录"));
      }
    }
    return found;
  }

  private static Disagreement disagreement(Escalation e, String message) {
    return new Disagreement(
        "escalation",
        String.valueOf(e.getId()),
        e.getProcessInstanceId(),
        "轮次 " + e.getRoundId() + " 任务 " + e.getTaskNo() + " " + e.getUnitName() + "：" + message);
  }
}
