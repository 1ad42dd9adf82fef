package cn.fazhiduban.supervision;

/**
 * What happened to a work item, published by supervision inside the engine's transaction. Features
 * above supervision (escalation, reporting) listen with {@code @EventListener}, so their rows
 * commit or roll back with the engine's.
 */
public final class SupervisionEvents {

  private SupervisionEvents() {}

  /** The reminder timer of an open report or rectification fired. */
  public record ReminderDue(long workItemId) {}

  /** The overdue timer fired: at the due date, then daily while the work is open. */
  public record ItemOverdue(long workItemId) {}

  /** The unit submitted its progress report. */
  public record ItemReported(long workItemId) {}

  /** The unit submitted its rectification. */
  public record ItemRectified(long workItemId) {}

  /**
   * An administrator cancelled the engine's work on the item; {@code reason} is the engine's delete
   * reason.
   */
  public record ItemCancelled(long workItemId, String reason) {}
}
