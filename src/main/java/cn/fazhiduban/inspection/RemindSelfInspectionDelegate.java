package cn.fazhiduban.inspection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_RemindSelfInspection: the reminder before the self-inspection report is due (提醒). */
@Component("remindSelfInspectionDelegate")
class RemindSelfInspectionDelegate implements JavaDelegate {

  private final InspectionEscalations service;

  RemindSelfInspectionDelegate(InspectionEscalations service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.remindSelfInspection(InspectionProcess.Typed.INSPECTED_UNIT_ID.get(execution));
  }
}
