package cn.fazhiduban.escalation;

import cn.fazhiduban.engine.InstanceCancelled;
import cn.fazhiduban.supervision.SupervisionEvents.ItemCancelled;
import cn.fazhiduban.supervision.SupervisionEvents.ItemOverdue;
import cn.fazhiduban.supervision.SupervisionEvents.ItemRectified;
import cn.fazhiduban.supervision.SupervisionEvents.ItemReported;
import cn.fazhiduban.supervision.SupervisionEvents.ReminderDue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Escalation reacts to what supervision publishes, in the same transaction. */
@Component
class SupervisionListener {

  private final EscalationService escalations;

  SupervisionListener(EscalationService escalations) {
    this.escalations = escalations;
  }

  @EventListener
  void on(ReminderDue event) {
    escalations.remind(event.workItemId());
  }

  @EventListener
  void on(ItemOverdue event) {
    escalations.evaluate(event.workItemId());
  }

  @EventListener
  void on(ItemReported event) {
    escalations.workDone(event.workItemId());
  }

  @EventListener
  void on(ItemRectified event) {
    escalations.workDone(event.workItemId());
  }

  @EventListener
  void on(ItemCancelled event) {
    escalations.supervisionCancelled(event.workItemId(), event.reason());
  }

  @EventListener
  void on(InstanceCancelled event) {
    if (EscalationProcess.PROCESS_ID.equals(event.processDefinitionKey())
        && event.wholeInstance()) {
      escalations.instanceCancelled(event.processInstanceId(), event.reason());
    }
  }
}
