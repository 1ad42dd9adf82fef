package cn.fazhiduban.supervision;

import cn.fazhiduban.engine.SupervisionKeys;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * Finds the work item that an execution inside a unit's report or rectification sub-process is
 * about, by what the engine set and no client can write: the business key names round and task, and
 * the sub-process's activity instance id, recorded on the work item when that instance started,
 * names the unit. Process variables such as {@code unitCode} are never trusted for this: a task
 * completion may overwrite any variable in its scope chain.
 */
@Component
class WorkItemScopes {

  private final WorkItemRepository workItems;
  private final RoundRecords records;

  WorkItemScopes(WorkItemRepository workItems, RoundRecords records) {
    this.workItems = workItems;
    this.records = records;
  }

  /**
   * A unit's sub-process instance starts: the multi-instance element variable {@code unitCode} was
   * set by the engine a moment ago, before any task of this instance existed, so it is the engine's
   * word here and only here.
   */
  WorkItem enter(DelegateExecution execution, String unitCode) {
    SupervisionKeys keys = SupervisionKeys.of(execution);
    WorkItem item = records.workItem(keys.roundId(), keys.task(), unitCode);
    item.enteredScope(execution.getActivityInstanceId());
    return item;
  }

  WorkItem of(DelegateTask task) {
    return of(task.getExecution());
  }

  WorkItem of(DelegateExecution execution) {
    return find(execution)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "找不到该单位子流程对应的工作项：流程实例 " + execution.getProcessInstanceId()));
  }

  Optional<WorkItem> find(DelegateExecution execution) {
    Set<String> instances = new LinkedHashSet<>();
    for (ExecutionEntity e = (ExecutionEntity) execution; e != null; e = e.getParent()) {
      add(instances, e.getActivityInstanceId());
      add(instances, e.getParentActivityInstanceId());
    }
    List<WorkItem> found = workItems.findByScopeActivityInstanceIdIn(instances);
    SupervisionKeys keys = SupervisionKeys.of(execution);
    return found.stream()
        .filter(item -> item.getRoundId() == keys.roundId() && item.getTaskNo() == keys.task())
        .findFirst();
  }

  private static void add(Set<String> ids, String id) {
    if (id != null) {
      ids.add(id);
    }
  }
}
