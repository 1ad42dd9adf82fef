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
import java.time.LocalDate;
import java.util.List;

/** 整改: what the office required of one unit, and what the unit reported back. */
@Entity
@Table(name = "rectification")
public class Rectification {

  public enum Status {
    ORDERED,
    SUBMITTED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "work_item_id")
  private Long workItemId;

  @Column(name = "office_check_id")
  private Long officeCheckId;

  private String requirement;
  private LocalDate deadline;

  @Enumerated(EnumType.STRING)
  private Status status;

  private String measures;
  private String result;
  private String evidence;

  @Column(name = "submitted_by")
  private String submittedBy;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  protected Rectification() {}

  public Rectification(
      Long workItemId, Long officeCheckId, String requirement, LocalDate deadline) {
    this.workItemId = workItemId;
    this.officeCheckId = officeCheckId;
    this.requirement = requirement;
    this.deadline = deadline;
    this.status = Status.ORDERED;
  }

  public void submitted(
      String measures, String result, List<String> evidence, String by, Instant at) {
    this.measures = measures;
    this.result = result;
    this.evidence = String.join("\n", evidence);
    this.submittedBy = by;
    this.submittedAt = at;
    this.status = Status.SUBMITTED;
  }

  public Long getWorkItemId() {
    return workItemId;
  }

  public Status getStatus() {
    return status;
  }

  public String getRequirement() {
    return requirement;
  }

  public LocalDate getDeadline() {
    return deadline;
  }

  public String getMeasures() {
    return measures;
  }

  public String getResult() {
    return result;
  }
}
