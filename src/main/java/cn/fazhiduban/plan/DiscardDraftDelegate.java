package cn.fazhiduban.plan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 放弃: the uploaded text goes, nothing is stored. */
@Component
class DiscardDraftDelegate implements JavaDelegate {

  private final PlanCheckService checks;

  DiscardDraftDelegate(PlanCheckService checks) {
    this.checks = checks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    checks.discard(execution.getProcessInstanceId());
  }
}
