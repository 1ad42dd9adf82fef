package cn.fazhiduban.inspection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_DraftInspectionReport: every unit is closed; the inspection closes and its 督察报告 is
 * drafted.
 */
@Component("draftInspectionReportDelegate")
class DraftInspectionReportDelegate implements JavaDelegate {

  private final InspectionService service;

  DraftInspectionReportDelegate(InspectionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.closeInspection(execution);
  }
}
