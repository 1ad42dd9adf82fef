package cn.fazhiduban.supervision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 进展报告: every submission of a unit is kept as a new version. */
@Entity
@Table(name = "progress_report")
public class ProgressReport {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "work_item_id")
  private Long workItemId;

  private int version;
  private String progress;
  private String completion;
  private Integer percent;
  private String problems;

  @Column(name = "next_steps")
  private String nextSteps;

  private String contact;
  private String phone;

  /**
   * The evidence files' names, separated by line breaks; the files are the process's File
   * variables.
   */
  private String evidence;

  @Column(name = "submitted_by")
  private String submittedBy;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  protected ProgressReport() {}

  public ProgressReport(
      Long workItemId, int version, ReportForm form, String submittedBy, Instant submittedAt) {
    this.workItemId = workItemId;
    this.version = version;
    this.progress = form.progress();
    this.completion = form.completion();
    this.percent = form.percent();
    this.problems = form.problems();
    this.nextSteps = form.nextSteps();
    this.contact = form.contact();
    this.phone = form.phone();
    this.evidence = String.join("\n", form.evidence());
    this.submittedBy = submittedBy;
    this.submittedAt = submittedAt;
  }

  public Long getId() {
    return id;
  }

  public Long getWorkItemId() {
    return workItemId;
  }

  public int getVersion() {
    return version;
  }

  public String getProgress() {
    return progress;
  }

  public String getCompletion() {
    return completion;
  }

  public Integer getPercent() {
    return percent;
  }

  public String getEvidence() {
    return evidence;
  }

  public String getSubmittedBy() {
    return submittedBy;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }
}
