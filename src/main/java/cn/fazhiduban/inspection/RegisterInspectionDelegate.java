package cn.fazhiduban.inspection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_RegisterInspection: checks the start form, writes the inspection and its units. */
@Component("registerInspectionDelegate")
class RegisterInspectionDelegate implements JavaDelegate {

  private final InspectionService service;

  RegisterInspectionDelegate(InspectionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.register(execution);
  }
}
