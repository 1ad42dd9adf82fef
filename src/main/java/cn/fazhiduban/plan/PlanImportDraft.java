package cn.fazhiduban.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The text of a plan that waits in a plan-import instance for the office's check (not a variable:
 * no history copy).
 */
@Entity
@Table(name = "plan_import_draft")
class PlanImportDraft {

  @Id
  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "source_text")
  private String sourceText;

  @Column(name = "started_by")
  private String startedBy;

  @Column(name = "started_at")
  private Instant startedAt;

  protected PlanImportDraft() {}

  PlanImportDraft(
      String processInstanceId, String sourceText, String startedBy, Instant startedAt) {
    this.processInstanceId = processInstanceId;
    this.sourceText = sourceText;
    this.startedBy = startedBy;
    this.startedAt = startedAt;
  }

  String getSourceText() {
    return sourceText;
  }
}
