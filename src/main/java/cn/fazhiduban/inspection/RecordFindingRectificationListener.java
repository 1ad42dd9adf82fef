package cn.fazhiduban.inspection;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_RectifyFinding completed: the unit's rectification of one finding is recorded. */
@Component("recordFindingRectificationListener")
class RecordFindingRectificationListener implements TaskListener {

  private final InspectionService service;

  RecordFindingRectificationListener(InspectionService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    service.recordRectification(task);
  }
}
