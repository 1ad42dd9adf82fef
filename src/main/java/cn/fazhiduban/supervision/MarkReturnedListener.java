package cn.fazhiduban.supervision;

import static cn.fazhiduban.supervision.TaskSupervision.Typed.WAS_RETURNED;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_SubmitProgressReport, on create: a report asked for again after 退回 is marked for the filter
 * 被退回.
 */
@Component("markReturnedListener")
class MarkReturnedListener implements TaskListener {

  private final WorkItemScopes scopes;

  MarkReturnedListener(WorkItemScopes scopes) {
    this.scopes = scopes;
  }

  @Override
  public void notify(DelegateTask task) {
    if (scopes.of(task).getStatus() == WorkItemStatus.RETURNED) {
      WAS_RETURNED.setLocal(task, true);
    }
  }
}
