package cn.fazhiduban.inspection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_RemindRectification: the reminder before a finding's rectification is due (提醒). */
@Component("remindFindingRectificationDelegate")
class RemindFindingRectificationDelegate implements JavaDelegate {

  private final InspectionEscalations service;

  RemindFindingRectificationDelegate(InspectionEscalations service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.remindFinding(InspectionProcess.Typed.FINDING_ID.get(execution));
  }
}
