package cn.fazhiduban.supervision;

import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.engine.InstanceCancelled;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The record follows the engine: a deleted {@code task-supervision} instance cancels its open work
 * items, a cancelled unit sub-process (process-instance modification) cancels that unit's item, a
 * deleted round instance cancels the round. Runs in the engine's transaction.
 */
@Component
class CancellationFollower {

  private final WorkItemRepository workItems;
  private final SupervisionRoundRepository rounds;
  private final WorkItemService service;
  private final EngineClock clock;

  CancellationFollower(
      WorkItemRepository workItems,
      SupervisionRoundRepository rounds,
      WorkItemService service,
      EngineClock clock) {
    this.workItems = workItems;
    this.rounds = rounds;
    this.service = service;
    this.clock = clock;
  }

  @EventListener
  void on(InstanceCancelled cancelled) {
    String reason = cancelled.reason();
    if (SupervisionRoundProcess.PROCESS_ID.equals(cancelled.processDefinitionKey())
        && cancelled.wholeInstance()) {
      rounds
          .findByProcessInstanceId(cancelled.processInstanceId())
          .filter(round -> round.getStatus() == SupervisionRound.Status.OPEN)
          .ifPresent(round -> round.cancelled(clock.now()));
      return;
    }
    if (!TaskSupervision.PROCESS_ID.equals(cancelled.processDefinitionKey())) {
      return;
    }
    List<WorkItem> items =
        cancelled.wholeInstance()
            ? workItems.findByProcessInstanceId(cancelled.processInstanceId())
            : workItems.findByScopeActivityInstanceIdIn(List.of(cancelled.activityInstanceId()));
    items.forEach(item -> service.cancel(item, reason));
  }
}
