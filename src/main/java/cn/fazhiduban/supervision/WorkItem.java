package cn.fazhiduban.supervision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One unit's work on one plan task in one round. Every change of status records when it happened.
 */
@Entity
@Table(name = "work_item")
public class WorkItem {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "round_id")
  private Long roundId;

  @Column(name = "round_task_id")
  private Long roundTaskId;

  @Column(name = "task_no")
  private int taskNo;

  @Column(name = "unit_code")
  private String unitCode;

  @Column(name = "unit_name")
  private String unitName;

  @Enumerated(EnumType.STRING)
  private WorkItemStatus status;

  @Column(name = "due_at")
  private Instant dueAt;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "assigned_at")
  private Instant assignedAt;

  @Column(name = "reported_at")
  private Instant reportedAt;

  @Column(name = "returned_at")
  private Instant returnedAt;

  @Column(name = "approved_at")
  private Instant approvedAt;

  @Column(name = "rectifying_at")
  private Instant rectifyingAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "escalation_level")
  private String escalationLevel;

  /**
   * The activity instance of this unit's report or rectification sub-process, while one runs: set
   * by the engine.
   */
  @Column(name = "scope_activity_instance_id")
  private String scopeActivityInstanceId;

  @Column(name = "cancelled_at")
  private Instant cancelledAt;

  @Column(name = "cancel_reason")
  private String cancelReason;

  @Version private int version;

  protected WorkItem() {}

  public WorkItem(
      RoundTask task, String unitCode, String unitName, Instant dueAt, Instant assignedAt) {
    this.roundId = task.getRoundId();
    this.roundTaskId = task.getId();
    this.taskNo = task.getTaskNo();
    this.unitCode = unitCode;
    this.unitName = unitName;
    this.dueAt = dueAt;
    this.assignedAt = assignedAt;
    this.processInstanceId = task.getProcessInstanceId();
    this.status = WorkItemStatus.ASSIGNED;
  }

  public void linkProcessInstance(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  /**
   * The unit's sub-process instance started: later lookups from inside it find this item by that
   * instance.
   */
  public void enteredScope(String activityInstanceId) {
    this.scopeActivityInstanceId = activityInstanceId;
  }

  public void reported(Instant at) {
    status = WorkItemStatus.REPORTED;
    reportedAt = at;
  }

  public void returned(Instant at) {
    status = WorkItemStatus.RETURNED;
    returnedAt = at;
  }

  public void approved(Instant at) {
    status = WorkItemStatus.APPROVED;
    approvedAt = at;
  }

  public void rectifying(Instant at, Instant deadline) {
    status = WorkItemStatus.RECTIFYING;
    rectifyingAt = at;
    dueAt = deadline;
  }

  /** The highest open level of the escalation ladder, or {@code null} when nothing is escalated. */
  public void escalated(String level) {
    this.escalationLevel = level;
  }

  public void closed(Instant at) {
    status = WorkItemStatus.CLOSED;
    closedAt = at;
  }

  /**
   * An administrator cancelled the engine's work on this item (Cockpit, REST, process-instance
   * modification).
   */
  public void cancelled(Instant at, String reason) {
    status = WorkItemStatus.CANCELLED;
    cancelledAt = at;
    cancelReason = reason == null ? null : reason.substring(0, Math.min(reason.length(), 1000));
    scopeActivityInstanceId = null;
  }

  public Long getId() {
    return id;
  }

  public Long getRoundId() {
    return roundId;
  }

  public Long getRoundTaskId() {
    return roundTaskId;
  }

  public int getTaskNo() {
    return taskNo;
  }

  public String getUnitCode() {
    return unitCode;
  }

  public String getUnitName() {
    return unitName;
  }

  public WorkItemStatus getStatus() {
    return status;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public Instant getAssignedAt() {
    return assignedAt;
  }

  public Instant getReportedAt() {
    return reportedAt;
  }

  public Instant getReturnedAt() {
    return returnedAt;
  }

  public Instant getApprovedAt() {
    return approvedAt;
  }

  public Instant getRectifyingAt() {
    return rectifyingAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public String getEscalationLevel() {
    return escalationLevel;
  }

  public String getScopeActivityInstanceId() {
    return scopeActivityInstanceId;
  }

  public Instant getCancelledAt() {
    return cancelledAt;
  }

  public String getCancelReason() {
    return cancelReason;
  }
}
