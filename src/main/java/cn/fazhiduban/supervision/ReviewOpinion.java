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

/** A lead unit's 审核意见 on one report version. */
@Entity
@Table(name = "review_opinion")
public class ReviewOpinion {

  public enum Decision {
    APPROVED,
    RETURNED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "work_item_id")
  private Long workItemId;

  @Column(name = "report_id")
  private Long reportId;

  @Enumerated(EnumType.STRING)
  private Decision decision;

  private String opinion;
  private String reviewer;

  @Column(name = "reviewed_at")
  private Instant reviewedAt;

  protected ReviewOpinion() {}

  public ReviewOpinion(
      Long workItemId,
      Long reportId,
      Decision decision,
      String opinion,
      String reviewer,
      Instant reviewedAt) {
    this.workItemId = workItemId;
    this.reportId = reportId;
    this.decision = decision;
    this.opinion = opinion;
    this.reviewer = reviewer;
    this.reviewedAt = reviewedAt;
  }

  public Decision getDecision() {
    return decision;
  }

  public String getOpinion() {
    return opinion;
  }

  public String getReviewer() {
    return reviewer;
  }

  public Long getReportId() {
    return reportId;
  }
}
