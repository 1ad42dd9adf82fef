package cn.fazhiduban.supervision;

import cn.fazhiduban.plan.PlanMilestone;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link SupervisedWork} over our tables. */
@Service
@Transactional
class SupervisedWorkItems implements SupervisedWork {

  private final WorkItemRepository workItems;
  private final RoundRecords records;

  SupervisedWorkItems(WorkItemRepository workItems, RoundRecords records) {
    this.workItems = workItems;
    this.records = records;
  }

  @Override
  public Optional<WorkItemView> workItem(long workItemId) {
    return workItems.findById(workItemId).map(this::view);
  }

  @Override
  public Optional<WorkItemView> workItem(long roundId, int taskNo, String unitCode) {
    return workItems.findByRoundIdAndTaskNoAndUnitCode(roundId, taskNo, unitCode).map(this::view);
  }

  @Override
  public List<WorkItemView> openWorkItems() {
    return workItems
        .findByStatusNotIn(EnumSet.of(WorkItemStatus.CLOSED, WorkItemStatus.CANCELLED))
        .stream()
        .map(this::view)
        .toList();
  }

  @Override
  public void escalationChanged(long workItemId, String levelLabel) {
    records.workItem(workItemId).escalated(levelLabel);
  }

  private WorkItemView view(WorkItem item) {
    RoundTask task = records.roundTask(item);
    return new WorkItemView(
        item.getId(),
        item.getRoundId(),
        item.getTaskNo(),
        item.getUnitCode(),
        item.getUnitName(),
        item.getStatus(),
        item.getDueAt(),
        item.getProcessInstanceId(),
        task.title(),
        task.leadUnits(),
        task.getPlanTask().getMilestones().stream().map(PlanMilestone::getDue).toList());
  }
}
