package cn.fazhiduban.escalation;

import cn.fazhiduban.supervision.SupervisionKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_RemindReport / ServiceTask_RemindRectification: the reminder timer fired (提醒). */
@Component("remindDelegate")
class RemindDelegate implements JavaDelegate {

  private final EscalationService escalations;

  RemindDelegate(EscalationService escalations) {
    this.escalations = escalations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SupervisionKeys keys = SupervisionKeys.of(execution);
    escalations.remind(keys.roundId(), keys.taskNo(), keys.unitCode());
  }
}
