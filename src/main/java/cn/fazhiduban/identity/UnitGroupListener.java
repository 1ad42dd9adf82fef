package cn.fazhiduban.identity;

import cn.fazhiduban.unit.UnitEvents.UnitAdded;
import cn.fazhiduban.unit.UnitEvents.UnitRenamed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each unit's Camunda group in step with the directory, in the transaction that changed it: a
 * new unit gets its group (and in demo mode its demo user), a renamed one its new group name. A
 * retired unit keeps its group, so that its clerks still finish their open work.
 */
@Component
class UnitGroupListener {

  private final IdentitySetup identitySetup;
  private final SystemAccess system;

  UnitGroupListener(IdentitySetup identitySetup, SystemAccess system) {
    this.identitySetup = identitySetup;
    this.system = system;
  }

  @EventListener
  void on(UnitAdded event) {
    system.run(() -> identitySetup.ensureUnit(event.unit()));
  }

  @EventListener
  void on(UnitRenamed event) {
    system.run(() -> identitySetup.ensureUnit(event.unit()));
  }
}
