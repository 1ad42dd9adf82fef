package cn.fazhiduban.escalation;

import static cn.fazhiduban.escalation.EscalationProcess.Variables.CLOSE_REASON;

import cn.fazhiduban.engine.CurrentUser;
import cn.fazhiduban.engine.FormValues;
import cn.fazhiduban.web.ApiException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_FollowEscalation, on complete: 依法治区办 closes the escalation with its reason, by the same
 * rules as {@code POST /api/escalations/{id}/close}; a refusal is shown on the form and the task
 * stays open.
 */
@Component("closeEscalationListener")
class CloseEscalationListener implements TaskListener {

  private final EscalationService escalations;
  private final CurrentUser currentUser;

  CloseEscalationListener(EscalationService escalations, CurrentUser currentUser) {
    this.escalations = escalations;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    String reason = new FormValues(task).text(CLOSE_REASON, "关闭原因", 1000, true);
    long workItemId = EscalationProcess.Typed.WORK_ITEM_ID.get(task);
    try {
      escalations.closeFromTasklist(workItemId, reason, currentUser.of(task));
    } catch (ApiException e) {
      throw FormValues.invalid(CLOSE_REASON, e.getMessage());
    }
  }
}
