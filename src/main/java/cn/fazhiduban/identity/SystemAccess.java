package cn.fazhiduban.identity;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls that follow a change the caller was already allowed to make (a unit added by
 * the office makes its group and grants), without the caller's own engine authorization: the office
 * may manage units, not groups or authorizations in general. The caller's authentication is
 * restored afterwards.
 */
@Component
public class SystemAccess {

  private final IdentityService identityService;

  SystemAccess(IdentityService identityService) {
    this.identityService = identityService;
  }

  public void run(Runnable work) {
    call(
        () -> {
          work.run();
          return null;
        });
  }

  public <T> T call(Supplier<T> work) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
