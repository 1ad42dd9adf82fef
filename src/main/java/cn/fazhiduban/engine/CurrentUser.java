package cn.fazhiduban.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who completed a task: the logged-in user (Tasklist, REST), else the task's assignee. */
@Component
public class CurrentUser {

  private final IdentityService identityService;

  CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  /**
   * Who started or moved the process on: the logged-in user, or {@code null} where the engine acts
   * on its own.
   */
  public String current() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  public String of(DelegateTask task) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee();
  }
}
