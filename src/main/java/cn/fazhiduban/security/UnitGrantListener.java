package cn.fazhiduban.security;

import cn.fazhiduban.identity.SystemAccess;
import cn.fazhiduban.unit.UnitEvents.UnitAdded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A unit added at run time gets its group's grants in the transaction that added it (the group
 * itself comes from identity's listener; a grant names the group id and does not need the group to
 * exist first). A rename or retirement leaves the grants: the group id is the unit's code, which
 * never changes, and a retired unit's clerks still finish their open work.
 */
@Component
class UnitGrantListener {

  private final AuthorizationSetup authorizations;
  private final SystemAccess system;

  UnitGrantListener(AuthorizationSetup authorizations, SystemAccess system) {
    this.authorizations = authorizations;
    this.system = system;
  }

  @EventListener
  void on(UnitAdded event) {
    system.run(() -> authorizations.grantUnit(event.unit()));
  }
}
