package cn.fazhiduban.supervision;

import cn.fazhiduban.engine.SupervisionKeys;
import cn.fazhiduban.identity.Groups;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the supervision models ask while they run ({@code ${supervisionService.…}} expressions):
 * which tasks a round covers, which units report, who reviews them, who must rectify. Every answer
 * comes from the business key and our own rows, never from a process variable that a task
 * completion could have written.
 */
@Service("supervisionService")
@Transactional(readOnly = true)
public class SupervisionService {

  private final RoundTaskRepository roundTasks;
  private final WorkItemRepository workItems;
  private final RoundRecords records;
  private final WorkItemScopes scopes;

  SupervisionService(
      RoundTaskRepository roundTasks,
      WorkItemRepository workItems,
      RoundRecords records,
      WorkItemScopes scopes) {
    this.roundTasks = roundTasks;
    this.workItems = workItems;
    this.records = records;
    this.scopes = scopes;
  }

  /** supervision-round: the plan tasks of the round whose instance this is. */
  public List<Integer> roundTaskNumbers(DelegateExecution execution) {
    return roundTasks.taskNumbers(SupervisionKeys.of(execution).roundId());
  }

  /** Codes of the units that report on a task, in the order the round opened them. */
  public List<String> reportingUnits(DelegateExecution execution) {
    SupervisionKeys keys = SupervisionKeys.of(execution);
    return workItems.findByRoundIdAndTaskNoOrderById(keys.roundId(), keys.task()).stream()
        .filter(item -> !item.getStatus().isFinal())
        .map(WorkItem::getUnitCode)
        .toList();
  }

  public List<String> rectifyingUnits(DelegateExecution execution) {
    SupervisionKeys keys = SupervisionKeys.of(execution);
    return workItems.findByRoundIdAndTaskNoOrderById(keys.roundId(), keys.task()).stream()
        .filter(item -> item.getStatus() == WorkItemStatus.RECTIFYING)
        .map(WorkItem::getUnitCode)
        .toList();
  }

  public String unitName(String unitCode) {
    return records.unitName(unitCode);
  }

  /** The candidate group of a unit's own task: its unit, as recorded on the work item. */
  public String unitGroup(DelegateExecution execution) {
    return records.unit(scopes.of(execution).getUnitCode()).groupId();
  }

  public boolean needsReview(DelegateExecution execution) {
    return !reviewerGroups(execution).isEmpty();
  }

  public String reviewerGroups(DelegateExecution execution) {
    return reviewerGroups(scopes.of(execution));
  }

  /**
   * The groups that review a unit's report: the task's lead units; 依法治区办 where the task has none
   * (按职责分工负责); nobody where the reporter is itself a lead unit, whose report goes straight on to
   * the office's check.
   */
  String reviewerGroups(WorkItem item) {
    List<String> leads = records.roundTask(item).leadUnits();
    if (leads.isEmpty()) {
      return Groups.OFFICE;
    }
    return leads.contains(item.getUnitCode()) ? "" : String.join(",", leads);
  }
}
