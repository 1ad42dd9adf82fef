package cn.fazhiduban.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_LogConsistency (consistency-check): logs every disagreement the checks find. */
@Component("logConsistencyDelegate")
class LogConsistencyDelegate implements JavaDelegate {

  private final ConsistencyChecks checks;

  LogConsistencyDelegate(ConsistencyChecks checks) {
    this.checks = checks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    checks.logFindings();
  }
}
