package cn.fazhiduban.inspection;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_SubmitSelfInspection completed: the 自查报告 is recorded. */
@Component("recordSelfInspectionListener")
class RecordSelfInspectionListener implements TaskListener {

  private final InspectionService service;

  RecordSelfInspectionListener(InspectionService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    service.recordSelfInspection(task);
  }
}
