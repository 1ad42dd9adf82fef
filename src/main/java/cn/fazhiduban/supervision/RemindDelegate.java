package cn.fazhiduban.supervision;

import cn.fazhiduban.supervision.SupervisionEvents.ReminderDue;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** ServiceTask_RemindReport / ServiceTask_RemindRectification: the reminder timer fired (提醒). */
@Component("remindDelegate")
class RemindDelegate implements JavaDelegate {

  private final WorkItemScopes scopes;
  private final ApplicationEventPublisher events;

  RemindDelegate(WorkItemScopes scopes, ApplicationEventPublisher events) {
    this.scopes = scopes;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    events.publishEvent(new ReminderDue(scopes.of(execution).getId()));
  }
}
