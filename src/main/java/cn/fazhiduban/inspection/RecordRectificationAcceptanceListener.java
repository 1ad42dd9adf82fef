package cn.fazhiduban.inspection;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_AcceptRectification completed: the office's 验收 (通过 or 退回) is recorded. */
@Component("recordRectificationAcceptanceListener")
class RecordRectificationAcceptanceListener implements TaskListener {

  private final InspectionService service;

  RecordRectificationAcceptanceListener(InspectionService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    service.recordAcceptance(task);
  }
}
