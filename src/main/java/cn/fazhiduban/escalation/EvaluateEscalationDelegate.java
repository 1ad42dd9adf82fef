package cn.fazhiduban.escalation;

import cn.fazhiduban.supervision.SupervisionKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_Evaluate…Escalation: the daily overdue timer fired; the decision table decides the level. */
@Component("evaluateEscalationDelegate")
class EvaluateEscalationDelegate implements JavaDelegate {

  private final EscalationService escalations;

  EvaluateEscalationDelegate(EscalationService escalations) {
    this.escalations = escalations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SupervisionKeys keys = SupervisionKeys.of(execution);
    escalations.evaluate(keys.roundId(), keys.taskNo(), keys.unitCode());
  }
}
