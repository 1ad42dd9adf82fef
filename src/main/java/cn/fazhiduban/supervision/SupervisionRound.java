package cn.fazhiduban.supervision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 督办轮次: one reporting period of a plan, e.g. 2026年上半年. */
@Entity
@Table(name = "supervision_round")
public class SupervisionRound {

  public enum Status {
    OPEN,
    CLOSED,
    /** An administrator deleted the round's instance. */
    CANCELLED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "plan_id")
  private Long planId;

  private String label;

  @Column(name = "report_due")
  private Instant reportDue;

  @Enumerated(EnumType.STRING)
  private Status status;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "opened_by")
  private String openedBy;

  @Column(name = "opened_at")
  private Instant openedAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  protected SupervisionRound() {}

  public SupervisionRound(
      Long planId, String label, Instant reportDue, String openedBy, Instant openedAt) {
    this.planId = planId;
    this.label = label;
    this.reportDue = reportDue;
    this.openedBy = openedBy;
    this.openedAt = openedAt;
    this.status = Status.OPEN;
  }

  public void started(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public void cancelled(Instant at) {
    status = Status.CANCELLED;
    closedAt = at;
  }

  public void close(Instant at) {
    status = Status.CLOSED;
    closedAt = at;
  }

  public Long getId() {
    return id;
  }

  public Long getPlanId() {
    return planId;
  }

  public String getLabel() {
    return label;
  }

  public Instant getReportDue() {
    return reportDue;
  }

  public Status getStatus() {
    return status;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public Instant getOpenedAt() {
    return openedAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }
}
