package cn.fazhiduban.supervision;

import static cn.fazhiduban.supervision.TaskSupervision.Variables.RECTIFY_MEASURES;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.RECTIFY_RESULT;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_Rectify, on complete: the unit's 整改措施, 整改结果 and 佐证材料. */
@Component("recordRectificationListener")
class RecordRectificationListener implements TaskListener {

  private final WorkItemService workItems;
  private final CurrentUser currentUser;

  RecordRectificationListener(WorkItemService workItems, CurrentUser currentUser) {
    this.workItems = workItems;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    FormValues form = new FormValues(task);
    String measures = form.text(RECTIFY_MEASURES, "整改措施", 2000, true);
    String result = form.text(RECTIFY_RESULT, "整改结果", 2000, true);
    SupervisionKeys keys = SupervisionKeys.of(task);
    workItems.rectificationSubmitted(keys.roundId(), keys.taskNo(), keys.unitCode(), measures, result,
        form.evidence(), currentUser.of(task));
  }
}
