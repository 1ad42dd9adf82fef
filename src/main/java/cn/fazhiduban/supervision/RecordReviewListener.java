package cn.fazhiduban.supervision;

import static cn.fazhiduban.supervision.TaskSupervision.Typed.RETURN_OPINION;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.APPROVED;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.RETURNED;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.REVIEW_DECISION;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.REVIEW_OPINION;

import cn.fazhiduban.engine.CurrentUser;
import cn.fazhiduban.engine.FormValues;
import cn.fazhiduban.supervision.ReviewOpinion.Decision;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_ReviewReport, on complete: 通过, or 退回 with an opinion that the clerk then sees. */
@Component("recordReviewListener")
class RecordReviewListener implements TaskListener {

  private final ReportService reports;
  private final WorkItemScopes scopes;
  private final CurrentUser currentUser;

  RecordReviewListener(ReportService reports, WorkItemScopes scopes, CurrentUser currentUser) {
    this.reports = reports;
    this.scopes = scopes;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    FormValues form = new FormValues(task);
    boolean returned =
        form.choice(REVIEW_DECISION, "审核结论（通过或退回）", List.of(APPROVED, RETURNED)).equals(RETURNED);
    String opinion = form.text(REVIEW_OPINION, "退回意见", 1000, returned);
    reports.reportReviewed(
        scopes.of(task),
        returned ? Decision.RETURNED : Decision.APPROVED,
        opinion,
        currentUser.of(task));
    // Lands in the unit's own instance, where the report form shows it.
    RETURN_OPINION.set(task.getExecution(), returned ? opinion : "");
  }
}
