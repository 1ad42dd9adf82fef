package cn.fazhiduban.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * When a task's candidate group or user is removed (work rerouted to another unit, an assignment
 * changed), the grant that the link brought is removed too. Camunda's default provider leaves it
 * behind, so the old unit would keep seeing and working the task.
 */
class ReroutingAuthorizationProvider extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
    if (groupId == null) {
      return null;
    }
    AuthorizationEntity grant =
        Context.getCommandContext()
            .getAuthorizationManager()
            .findAuthorizationByGroupIdAndResourceId(
                AUTH_TYPE_GRANT, groupId, Resources.TASK, task.getId());
    return grant == null ? null : new AuthorizationEntity[] {grant};
  }

  @Override
  public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
    if (userId == null) {
      return null;
    }
    AuthorizationEntity grant =
        Context.getCommandContext()
            .getAuthorizationManager()
            .findAuthorizationByUserIdAndResourceId(
                AUTH_TYPE_GRANT, userId, Resources.TASK, task.getId());
    return grant == null ? null : new AuthorizationEntity[] {grant};
  }
}
