package cn.fazhiduban.inspection;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_RecordOpinion completed: the 督察意见 and its 问题清单 are recorded. */
@Component("recordInspectionOpinionListener")
class RecordInspectionOpinionListener implements TaskListener {

  private final InspectionService service;

  RecordInspectionOpinionListener(InspectionService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    service.recordOpinion(task);
  }
}
