package cn.fazhiduban.escalation;

import cn.fazhiduban.supervision.SupervisedWork.WorkItemView;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One level of the ladder that a work item reached, open until the work is done, the level rises or
 * the office closes it.
 */
@Entity
@Table(name = "escalation")
public class Escalation {

  public enum Status {
    OPEN,
    CLOSED
  }

  /** Why an escalation closed. */
  public enum ClosedBy {
    /** The next level replaced it. */
    RAISED,
    /** The unit submitted the overdue report or rectification. */
    WORK_DONE,
    /** 依法治区办 closed it, with a reason. */
    OFFICE,
    /**
     * An administrator cancelled the supervision or the escalation instance; the reason is the
     * engine's.
     */
    CANCELLED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "work_item_id")
  private Long workItemId;

  @Column(name = "round_id")
  private Long roundId;

  @Column(name = "task_no")
  private int taskNo;

  @Column(name = "unit_code")
  private String unitCode;

  @Column(name = "unit_name")
  private String unitName;

  @Convert(converter = EscalationLevelConverter.class)
  private EscalationLevel level;

  @Column(name = "days_overdue")
  private int daysOverdue;

  private String notify;
  private Instant since;

  @Enumerated(EnumType.STRING)
  private Status status;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "closed_by")
  private ClosedBy closedBy;

  @Column(name = "closed_by_user")
  private String closedByUser;

  @Column(name = "close_reason")
  private String closeReason;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  protected Escalation() {}

  public Escalation(
      WorkItemView item, EscalationLevel level, int daysOverdue, String notify, Instant since) {
    this.workItemId = item.id();
    this.roundId = item.roundId();
    this.taskNo = item.taskNo();
    this.unitCode = item.unitCode();
    this.unitName = item.unitName();
    this.level = level;
    this.daysOverdue = daysOverdue;
    this.notify = notify;
    this.since = since;
    this.status = Status.OPEN;
  }

  public void close(ClosedBy by, String user, String reason, Instant at) {
    status = Status.CLOSED;
    closedBy = by;
    closedByUser = user;
    closeReason = reason == null ? null : reason.substring(0, Math.min(reason.length(), 1000));
    closedAt = at;
  }

  public void linkProcessInstance(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public Long getId() {
    return id;
  }

  public Long getWorkItemId() {
    return workItemId;
  }

  public Long getRoundId() {
    return roundId;
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

  public EscalationLevel getLevel() {
    return level;
  }

  public int getDaysOverdue() {
    return daysOverdue;
  }

  public String getNotify() {
    return notify;
  }

  public Instant getSince() {
    return since;
  }

  public Status getStatus() {
    return status;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public ClosedBy getClosedBy() {
    return closedBy;
  }

  public String getClosedByUser() {
    return closedByUser;
  }

  public String getCloseReason() {
    return closeReason;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }
}
