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
  CLOSED,
  /** 已撤销: an administrator cancelled, deleted or moved the engine's work away from this item */
  CANCELLED;

  /** The unit owes work in these states; past the due date they are overdue. */
  public boolean awaitsUnit() {
    return this == ASSIGNED || this == RETURNED || this == RECTIFYING;
  }

  /** Nothing more happens to an item in these states. */
  public boolean isFinal() {
    return this == CLOSED || this == CANCELLED;
  }
}
