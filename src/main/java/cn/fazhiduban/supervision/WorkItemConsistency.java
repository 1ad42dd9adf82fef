package cn.fazhiduban.supervision;

import cn.fazhiduban.engine.ConsistencyCheck;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Work items against the engine: an open item needs a running {@code task-supervision} instance,
 * and an item that waits for its unit needs that unit's task (报送 or 整改) open in the instance; a
 * cancelled item may have none.
 */
@Component
class WorkItemConsistency implements ConsistencyCheck {

  private final WorkItemRepository workItems;
  private final RuntimeService runtimeService;
  private final TaskService taskService;

  WorkItemConsistency(
      WorkItemRepository workItems, RuntimeService runtimeService, TaskService taskService) {
    this.workItems = workItems;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
  }

  @Override
  public List<Disagreement> disagreements() {
    List<Disagreement> found = new ArrayList<>();
    for (WorkItem item : workItems.findByStatusNotIn(EnumSet.of(WorkItemStatus.CLOSED))) {
      String instance = item.getProcessInstanceId();
      if (instance == null) {
        continue; // its task's instance has not started yet (the round starts them one job at a
        // time)
      }
      boolean running =
          runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() > 0;
      long open =
          running
              ? taskService
                  .createTaskQuery()
                  .processInstanceId(instance)
                  .taskDefinitionKeyIn(
                      TaskSupervision.Elements.SUBMIT_REPORT, TaskSupervision.Elements.RECTIFY)
                  .taskCandidateGroup(item.getUnitCode())
                  .count()
              : 0;
      if (item.getStatus() == WorkItemStatus.CANCELLED) {
        if (open > 0) {
          found.add(disagreement(item, "工作项已撤销，但流程中仍有该单位的待办"));
        }
        continue;
      }
      if (!running) {
        found.add(disagreement(item, "工作项状态为 " + item.getStatus() + "，但其流程实例已不在运行"));
      } else if (item.getStatus().awaitsUnit() && open == 0) {
        found.add(disagreement(item, "工作项等待单位办理（" + item.getStatus() + "），但流程中没有该单位的待办"));
      } else if (!item.getStatus().awaitsUnit() && open > 0) {
        found.add(disagreement(item, "工作项状态为 " + item.getStatus() + "，但流程中仍有该单位的待办"));
      }
    }
    return found;
  }

  private static Disagreement disagreement(WorkItem item, String message) {
    return new Disagreement(
        "workItem",
        String.valueOf(item.getId()),
        item.getProcessInstanceId(),
        "轮次 "
            + item.getRoundId()
            + " 任务 "
            + item.getTaskNo()
            + " "
            + item.getUnitName()
            + "："
            + message);
  }
}
