package cn.fazhiduban.supervision;

import static cn.fazhiduban.supervision.TaskSupervision.Variables.APPROVED;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.RETURNED;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.RETURN_OPINION;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.REVIEW_DECISION;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.REVIEW_OPINION;

import cn.fazhiduban.supervision.ReviewOpinion.Decision;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_ReviewReport, on complete: 通过, or 退回 with an opinion that the clerk then sees. */
@Component("recordReviewListener")
class RecordReviewListener implements TaskListener {

  private final WorkItemService workItems;
  private final CurrentUser currentUser;

  RecordReviewListener(WorkItemService workItems, CurrentUser currentUser) {
    this.workItems = workItems;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    FormValues form = new FormValues(task);
    boolean returned = form.choice(REVIEW_DECISION, "审核结论（通过或退回）", List.of(APPROVED, RETURNED)).equals(RETURNED);
    String opinion = form.text(REVIEW_OPINION, "退回意见", 1000, returned);
    SupervisionKeys keys = SupervisionKeys.of(task);
    workItems.reportReviewed(keys.roundId(), keys.taskNo(), keys.unitCode(),
        returned ? Decision.RETURNED : Decision.APPROVED, opinion, currentUser.of(task));
    // Lands in the unit's own instance, where the report form shows it.
    task.getExecution().setVariable(RETURN_OPINION, returned ? opinion : "");
  }
}
