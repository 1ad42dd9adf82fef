package cn.fazhiduban.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.fazhiduban.identity.Groups;
import cn.fazhiduban.unit.Unit;
import cn.fazhiduban.unit.UnitDirectory;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grants each group only what it needs, on every start (adding what is missing, never widening by
 * accident):
 *
 * <ul>
 *   <li>a unit's clerks and reviewers: Tasklist and the supervision definitions; their tasks come
 *       through the candidate-group links, which the engine grants with {@code TASK_WORK} (claim
 *       and complete, not reassign);
 *   <li>{@code leaders}: Cockpit, reading the supervision processes and their history, changing
 *       nothing;
 *   <li>{@code yfzqb}: Tasklist and Cockpit, all supervision tasks and instances, to operate rounds
 *       and escalations;
 *   <li>{@code camunda-admin}: everything, including deployments, filters, users and
 *       authorizations.
 * </ul>
 */
@Component
public class AuthorizationSetup {

  static final String TASKLIST = "tasklist";
  static final String COCKPIT = "cockpit";

  private final AuthorizationService authorizations;
  private final UnitDirectory directory;
  private final List<StartableProcess> startable;

  public AuthorizationSetup(
      AuthorizationService authorizations,
      UnitDirectory directory,
      List<StartableProcess> startable) {
    this.authorizations = authorizations;
    this.directory = directory;
    this.startable = startable;
  }

  @Transactional
  public void run() {
    for (Unit unit : directory.units()) {
      grantUnit(unit);
    }

    String office = Groups.OFFICE;
    grant(office, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
    grant(
        office,
        Resources.PROCESS_DEFINITION,
        ANY,
        Permissions.READ,
        ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.UPDATE_TASK,
        ProcessDefinitionPermissions.UPDATE_INSTANCE);
    grant(office, Resources.PROCESS_INSTANCE, ANY, Permissions.READ, Permissions.UPDATE);
    grant(office, Resources.TASK, ANY, Permissions.READ, Permissions.UPDATE);
    grant(office, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(office, Resources.DEPLOYMENT, ANY, Permissions.READ);

    String leaders = Groups.LEADERS;
    grant(leaders, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
    grant(
        leaders,
        Resources.PROCESS_DEFINITION,
        ANY,
        Permissions.READ,
        ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_TASK);
    grant(leaders, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(leaders, Resources.TASK, ANY, Permissions.READ);
    grant(leaders, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(leaders, Resources.DEPLOYMENT, ANY, Permissions.READ);

    for (Resources resource : Resources.values()) {
      grant(Groups.ADMINS, resource, ANY, Permissions.ALL);
    }

    // Tasklist offers a process only to whom holds CREATE_INSTANCE on its definition and CREATE on
    // process instances: those who start it, and nobody else
    for (StartableProcess process : startable) {
      for (String group : process.starterGroups()) {
        grantStart(group, process.processDefinitionKey());
      }
    }
  }

  /**
   * The group may start instances of this one process definition (Tasklist's 启动流程 offers it to
   * them).
   */
  public void grantStart(String groupId, String processDefinitionKey) {
    grant(
        groupId,
        Resources.PROCESS_DEFINITION,
        processDefinitionKey,
        Permissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(groupId, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
  }

  /**
   * What every unit's group needs: Tasklist, and reading the definitions of the tasks it works on.
   */
  public void grantUnit(Unit unit) {
    grant(unit.groupId(), Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
    grant(unit.groupId(), Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
  }

  /** Grants the permissions to the group, adding to an existing grant. */
  public void grant(
      String groupId, Resource resource, String resourceId, Permission... permissions) {
    List<Authorization> existing =
        authorizations
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .groupIdIn(groupId)
            .resourceType(resource)
            .resourceId(resourceId)
            .list();
    Authorization authorization =
        existing.isEmpty() ? newGrant(groupId, resource, resourceId) : existing.get(0);
    boolean changed = existing.isEmpty();
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
  }

  private Authorization newGrant(String groupId, Resource resource, String resourceId) {
    Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    return authorization;
  }
}
