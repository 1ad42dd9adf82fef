package cn.fazhiduban.supervision;

import cn.fazhiduban.identity.Groups;
import cn.fazhiduban.unit.Unit;
import cn.fazhiduban.unit.UnitDirectory;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the supervision models ask while they run ({@code ${supervisionService.…}} expressions): which tasks a round
 * covers, which units report, who reviews them, who must rectify.
 */
@Service("supervisionService")
@Transactional(readOnly = true)
public class SupervisionService {

  private final RoundTaskRepository roundTasks;
  private final WorkItemRepository workItems;
  private final UnitDirectory directory;

  public SupervisionService(RoundTaskRepository roundTasks, WorkItemRepository workItems, UnitDirectory directory) {
    this.roundTasks = roundTasks;
    this.workItems = workItems;
    this.directory = directory;
  }

  public List<Integer> roundTaskNumbers(Long roundId) {
    return roundTasks.taskNumbers(roundId);
  }

  /** Codes of the units that report on a task, in the order the round opened them. */
  public List<String> reportingUnits(Long roundId, Integer taskNo) {
    return workItems.findByRoundIdAndTaskNoOrderById(roundId, taskNo).stream().map(WorkItem::getUnitCode).toList();
  }

  public List<String> rectifyingUnits(Long roundId, Integer taskNo) {
    return workItems.findByRoundIdAndTaskNoOrderById(roundId, taskNo).stream()
        .filter(item -> item.getStatus() == WorkItemStatus.RECTIFYING)
        .map(WorkItem::getUnitCode)
        .toList();
  }

  public String unitName(String unitCode) {
    return directory.byCode(unitCode).map(Unit::name).orElse(unitCode);
  }

  /**
   * The groups that review a unit's report: the task's lead units; 依法治区办 where the task has none (按职责分工负责);
   * nobody where the reporter is itself a lead unit, whose report goes straight on to the office's check.
   */
  public String reviewerGroups(Long roundId, Integer taskNo, String unitCode) {
    RoundTask task = roundTasks.findByRoundIdAndTaskNo(roundId, taskNo)
        .orElseThrow(() -> new IllegalStateException("轮次 " + roundId + " 中没有任务 " + taskNo));
    List<String> leads = task.leadUnits();
    if (leads.isEmpty()) {
      return Groups.OFFICE;
    }
    return leads.contains(unitCode) ? "" : String.join(",", leads);
  }
}
