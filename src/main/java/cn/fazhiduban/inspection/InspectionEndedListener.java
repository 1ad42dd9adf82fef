package cn.fazhiduban.inspection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The inspection instance ended: when an administrator cancelled or deleted it, its open rows end
 * as CANCELLED.
 */
@Component("inspectionEndedListener")
class InspectionEndedListener implements ExecutionListener {

  private final InspectionService service;

  InspectionEndedListener(InspectionService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      service.cancel(execution.getProcessInstanceId());
    }
  }
}
