package cn.fazhiduban.inspection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_CloseInspectedUnit: the unit's inspection is closed (no findings, or all passed). */
@Component("closeInspectedUnitDelegate")
class CloseInspectedUnitDelegate implements JavaDelegate {

  private final InspectionService service;

  CloseInspectedUnitDelegate(InspectionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.closeUnit(execution);
  }
}
