package cn.fazhiduban.inspection;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One unit in an inspection: its branch of the process, from the self-inspection to its closing.
 */
@Entity
@Table(name = "inspected_unit")
public class InspectedUnit {

  public enum Status {
    SELF_INSPECTION,
    OPINION,
    RECTIFYING,
    CLOSED,
    CANCELLED;

    boolean open() {
      return this != CLOSED && this != CANCELLED;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long inspectionId;
  private String unitCode;
  private String unitName;
  private String unitKind;

  @Enumerated(EnumType.STRING)
  private Status status;

  private String selfReport;
  private String selfEvidence;
  private Instant selfReportedAt;
  private String selfReportedBy;
  private String opinion;
  private Instant opinionAt;
  private String opinionBy;
  private String escalationLevel;
  private Instant closedAt;

  protected InspectedUnit() {}

  InspectedUnit(long inspectionId, String unitCode, String unitName, String unitKind) {
    this.inspectionId = inspectionId;
    this.unitCode = unitCode;
    this.unitName = unitName;
    this.unitKind = unitKind;
    this.status = Status.SELF_INSPECTION;
  }

  void selfReported(String report, String evidence, String user, Instant at) {
    selfReport = report;
    selfEvidence = evidence;
    selfReportedBy = user;
    selfReportedAt = at;
    escalationLevel = null;
    status = Status.OPINION;
  }

  void opinionRecorded(String text, String user, Instant at, boolean findings) {
    opinion = text;
    opinionBy = user;
    opinionAt = at;
    status = findings ? Status.RECTIFYING : Status.OPINION;
  }

  void escalated(String level) {
    escalationLevel = level;
  }

  void close(Instant at) {
    status = Status.CLOSED;
    closedAt = at;
  }

  void cancel(Instant at) {
    status = Status.CANCELLED;
    closedAt = at;
  }

  public Long getId() {
    return id;
  }

  public Long getInspectionId() {
    return inspectionId;
  }

  public String getUnitCode() {
    return unitCode;
  }

  public String getUnitName() {
    return unitName;
  }

  public String getUnitKind() {
    return unitKind;
  }

  public Status getStatus() {
    return status;
  }

  public String getSelfReport() {
    return selfReport;
  }

  public String getSelfEvidence() {
    return selfEvidence;
  }

  public Instant getSelfReportedAt() {
    return selfReportedAt;
  }

  public String getOpinion() {
    return opinion;
  }

  public String getEscalationLevel() {
    return escalationLevel;
  }

  public Instant getClosedAt() {
    return closedAt;
  }
}
