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

/** 依法治区办's check of a task as a whole: 通过, or 需整改 with a requirement and a deadline. */
@Entity
@Table(name = "office_check")
public class OfficeCheck {

  public enum Decision {
    PASSED,
    RECTIFY
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "round_task_id")
  private Long roundTaskId;

  @Enumerated(EnumType.STRING)
  private Decision decision;

  private String requirement;
  private LocalDate deadline;

  @Column(name = "checked_by")
  private String checkedBy;

  @Column(name = "checked_at")
  private Instant checkedAt;

  protected OfficeCheck() {}

  public OfficeCheck(
      Long roundTaskId,
      Decision decision,
      String requirement,
      LocalDate deadline,
      String checkedBy,
      Instant checkedAt) {
    this.roundTaskId = roundTaskId;
    this.decision = decision;
    this.requirement = requirement;
    this.deadline = deadline;
    this.checkedBy = checkedBy;
    this.checkedAt = checkedAt;
  }

  public Long getId() {
    return id;
  }

  public Decision getDecision() {
    return decision;
  }

  public String getRequirement() {
    return requirement;
  }

  public LocalDate getDeadline() {
    return deadline;
  }
}
