package cn.fazhiduban.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What the office changed in a plan before it was stored: the parser's first reading and the
 * changes (JSON).
 */
@Entity
@Table(name = "plan_correction")
public class PlanCorrection {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "plan_id")
  private Long planId;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "corrected_by")
  private String correctedBy;

  @Column(name = "corrected_at")
  private Instant correctedAt;

  @Column(name = "parsed_reading")
  private String parsedReading;

  private String changes;

  protected PlanCorrection() {}

  PlanCorrection(
      Long planId,
      String processInstanceId,
      String correctedBy,
      Instant correctedAt,
      String parsedReading,
      String changes) {
    this.planId = planId;
    this.processInstanceId = processInstanceId;
    this.correctedBy = correctedBy;
    this.correctedAt = correctedAt;
    this.parsedReading = parsedReading;
    this.changes = changes;
  }

  public String getCorrectedBy() {
    return correctedBy;
  }

  public Instant getCorrectedAt() {
    return correctedAt;
  }

  public String getParsedReading() {
    return parsedReading;
  }

  public String getChanges() {
    return changes;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }
}
