package cn.fazhiduban.supervision;

import cn.fazhiduban.supervision.SupervisionEvents.ItemOverdue;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** ServiceTask_Evaluate…Escalation: the daily overdue timer fired; escalation decides the level. */
@Component("evaluateOverdueDelegate")
class EvaluateOverdueDelegate implements JavaDelegate {

  private final WorkItemScopes scopes;
  private final ApplicationEventPublisher events;

  EvaluateOverdueDelegate(WorkItemScopes scopes, ApplicationEventPublisher events) {
    this.scopes = scopes;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    events.publishEvent(new ItemOverdue(scopes.of(execution).getId()));
  }
}
