package cn.fazhiduban.inspection;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One finding (问题) of the 问题清单, followed to its accepted rectification. */
@Entity
@Table(name = "finding")
public class Finding {

  public enum Status {
    RECTIFYING,
    SUBMITTED,
    PASSED,
    CANCELLED;

    public boolean open() {
      return this == RECTIFYING || this == SUBMITTED;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long inspectedUnitId;
  private Long inspectionId;
  private String unitCode;
  private String description;
  private String category;
  private String severity;
  private LocalDate deadline;
  private Instant dueAt;
  private boolean typicalCase;

  @Enumerated(EnumType.STRING)
  private Status status;

  private Instant foundAt;
  private String escalationLevel;
  private Instant overdueSince;
  private Instant passedAt;

  protected Finding() {}

  Finding(
      InspectedUnit unit,
      String description,
      String category,
      String severity,
      LocalDate deadline,
      Instant dueAt,
      boolean typicalCase,
      Instant foundAt) {
    this.inspectedUnitId = unit.getId();
    this.inspectionId = unit.getInspectionId();
    this.unitCode = unit.getUnitCode();
    this.description = description;
    this.category = category;
    this.severity = severity;
    this.deadline = deadline;
    this.dueAt = dueAt;
    this.typicalCase = typicalCase;
    this.status = Status.RECTIFYING;
    this.foundAt = foundAt;
  }

  void submitted() {
    status = Status.SUBMITTED;
    escalationLevel = null;
  }

  void returned() {
    status = Status.RECTIFYING;
  }

  void passed(Instant at) {
    status = Status.PASSED;
    passedAt = at;
  }

  void cancel() {
    status = Status.CANCELLED;
  }

  /** The ladder's level; the first level from 警示 up marks the rectification as overdue. */
  void escalated(String level, boolean overdue, Instant at) {
    escalationLevel = level;
    if (overdue && overdueSince == null) {
      overdueSince = at;
    }
  }

  public Long getId() {
    return id;
  }

  public Long getInspectedUnitId() {
    return inspectedUnitId;
  }

  public Long getInspectionId() {
    return inspectionId;
  }

  public String getUnitCode() {
    return unitCode;
  }

  public String getDescription() {
    return description;
  }

  public String getCategory() {
    return category;
  }

  public String getSeverity() {
    return severity;
  }

  public LocalDate getDeadline() {
    return deadline;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public boolean isTypicalCase() {
    return typicalCase;
  }

  public Status getStatus() {
    return status;
  }

  public Instant getFoundAt() {
    return foundAt;
  }

  public String getEscalationLevel() {
    return escalationLevel;
  }

  public Instant getOverdueSince() {
    return overdueSince;
  }

  public Instant getPassedAt() {
    return passedAt;
  }
}
