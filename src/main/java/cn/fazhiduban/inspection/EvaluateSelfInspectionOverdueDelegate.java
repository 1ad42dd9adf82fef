package cn.fazhiduban.inspection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_EvaluateSelfInspectionOverdue: the self-inspection report is overdue;
 * escalation-level decides the level.
 */
@Component("evaluateSelfInspectionOverdueDelegate")
class EvaluateSelfInspectionOverdueDelegate implements JavaDelegate {

  private final InspectionEscalations service;

  EvaluateSelfInspectionOverdueDelegate(InspectionEscalations service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.evaluateSelfInspection(InspectionProcess.Typed.INSPECTED_UNIT_ID.get(execution));
  }
}
