package cn.fazhiduban.supervision;

import static cn.fazhiduban.supervision.TaskSupervision.Variables.RECTIFY_MEASURES;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.RECTIFY_RESULT;

import cn.fazhiduban.engine.CurrentUser;
import cn.fazhiduban.engine.FormValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_Rectify, on complete: the unit's 整改措施, 整改结果 and 佐证材料. */
@Component("recordRectificationListener")
class RecordRectificationListener implements TaskListener {

  private final ReportService reports;
  private final WorkItemScopes scopes;
  private final CurrentUser currentUser;

  RecordRectificationListener(
      ReportService reports, WorkItemScopes scopes, CurrentUser currentUser) {
    this.reports = reports;
    this.scopes = scopes;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    FormValues form = new FormValues(task);
    String measures = form.text(RECTIFY_MEASURES, "整改措施", 2000, true);
    String result = form.text(RECTIFY_RESULT, "整改结果", 2000, true);
    reports.rectificationSubmitted(
        scopes.of(task), measures, result, form.evidence(), currentUser.of(task));
  }
}
