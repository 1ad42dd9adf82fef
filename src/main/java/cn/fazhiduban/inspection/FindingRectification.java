package cn.fazhiduban.inspection;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One rectification the unit submitted for a finding, and the office's 验收 of it. */
@Entity
@Table(name = "finding_rectification")
public class FindingRectification {

  public enum Decision {
    PASSED,
    RETURNED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long findingId;
  private String measures;
  private String result;
  private String evidence;
  private Instant submittedAt;
  private String submittedBy;

  @Enumerated(EnumType.STRING)
  private Decision decision;

  private String opinion;
  private Instant decidedAt;
  private String decidedBy;

  protected FindingRectification() {}

  FindingRectification(
      long findingId,
      String measures,
      String result,
      String evidence,
      String submittedBy,
      Instant submittedAt) {
    this.findingId = findingId;
    this.measures = measures;
    this.result = result;
    this.evidence = evidence;
    this.submittedBy = submittedBy;
    this.submittedAt = submittedAt;
  }

  void decide(Decision decision, String opinion, String user, Instant at) {
    this.decision = decision;
    this.opinion = opinion;
    this.decidedBy = user;
    this.decidedAt = at;
  }

  public Long getId() {
    return id;
  }

  public Long getFindingId() {
    return findingId;
  }

  public String getMeasures() {
    return measures;
  }

  public String getResult() {
    return result;
  }

  public String getEvidence() {
    return evidence;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public Decision getDecision() {
    return decision;
  }

  public String getOpinion() {
    return opinion;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }
}
