package cn.fazhiduban.inspection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_EvaluateRectificationOverdue: a finding's rectification is overdue; escalation-level
 * decides the level.
 */
@Component("evaluateFindingOverdueDelegate")
class EvaluateFindingOverdueDelegate implements JavaDelegate {

  private final InspectionEscalations service;

  EvaluateFindingOverdueDelegate(InspectionEscalations service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.evaluateFinding(InspectionProcess.Typed.FINDING_ID.get(execution));
  }
}
