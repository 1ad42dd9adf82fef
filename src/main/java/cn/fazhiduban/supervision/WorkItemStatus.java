package cn.fazhiduban.supervision;

/** Where one unit's work on one task stands in a round. */
public enum WorkItemStatus {
  /** 待报送 */
  ASSIGNED,
  /** 已报送, waiting for review or the office's check */
  REPORTED,
  /** 被退回 by the lead unit, to report again */
  RETURNED,
  /** 审核通过 */
  APPROVED,
  /** 整改中 */
  RECTIFYING,
  /** 已办结 */
  CLOSED;

  /** The unit owes work in these states; past the due date they are overdue. */
  public boolean awaitsUnit() {
    return this == ASSIGNED || this == RETURNED || this == RECTIFYING;
  }
}
