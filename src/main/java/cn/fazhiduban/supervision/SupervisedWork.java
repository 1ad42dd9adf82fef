package cn.fazhiduban.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What features above supervision may read of a work item, and the one thing they may note on it.
 */
public interface SupervisedWork {

  Optional<WorkItemView> workItem(long workItemId);

  Optional<WorkItemView> workItem(long roundId, int taskNo, String unitCode);

  /** Work items that are not CLOSED or CANCELLED. */
  List<WorkItemView> openWorkItems();

  /**
   * The highest open level of the ladder, shown with the item and in its 红黄绿灯; {@code null} when
   * none.
   */
  void escalationChanged(long workItemId, String levelLabel);

  /** A work item, with what its plan task says. */
  record WorkItemView(
      long id,
      long roundId,
      int taskNo,
      String unitCode,
      String unitName,
      WorkItemStatus status,
      Instant dueAt,
      String processInstanceId,
      String taskTitle,
      List<String> leadUnits,
      List<LocalDate> milestones) {}
}
