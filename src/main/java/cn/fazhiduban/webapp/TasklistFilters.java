package cn.fazhiduban.webapp;

import cn.fazhiduban.identity.Groups;
import cn.fazhiduban.security.AuthorizationSetup;
import cn.fazhiduban.supervision.SupervisionProperties;
import cn.fazhiduban.supervision.TaskSupervision;
import cn.fazhiduban.unit.Unit;
import cn.fazhiduban.unit.UnitDirectory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Tasklist filters every unit shares (FILTER READ for each unit group): 本单位待办, 即将到期, 已逾期, 被退回,
 * each showing 任务编号, 任务名称, 承办单位 and 截止时间 as columns. Made on start when missing and brought in line
 * with the configuration on every start (a changed warning window reaches 即将到期); only
 * administrators may create other filters.
 */
@Component
public class TasklistFilters {

  public static final String MINE = "本单位待办";
  public static final String DUE_SOON = "即将到期";
  public static final String OVERDUE = "已逾期";
  public static final String RETURNED = "被退回";

  /** Tasks of the groups of whoever looks at the filter, claimed or not. */
  private static final String MY_GROUPS = "${currentUserGroups()}";

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationSetup authorizations;
  private final UnitDirectory directory;
  private final int warningDays;

  public TasklistFilters(
      FilterService filters,
      TaskService tasks,
      AuthorizationSetup authorizations,
      UnitDirectory directory,
      SupervisionProperties properties) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
    this.directory = directory;
    this.warningDays = properties.warningDays();
  }

  @Transactional
  public void run() {
    ensure(MINE, 1, "本单位的全部待办，按截止时间排序", () -> unitTasks().orderByDueDate().asc());
    ensure(
        DUE_SOON,
        2,
        warningDays + " 天内到期的待办",
        () ->
            unitTasks()
                .dueAfterExpression("${now()}")
                .dueBeforeExpression("${dateTime().plusDays(" + warningDays + ").toDate()}")
                .orderByDueDate()
                .asc());
    ensure(
        OVERDUE,
        3,
        "已过截止时间仍未办理的待办",
        () -> unitTasks().dueBeforeExpression("${now()}").orderByDueDate().asc());
    ensure(
        RETURNED,
        4,
        "牵头单位退回、需要重新报送的进展报告",
        () ->
            unitTasks()
                .taskDefinitionKey(TaskSupervision.Elements.SUBMIT_REPORT)
                .taskVariableValueEquals(TaskSupervision.Variables.WAS_RETURNED, true)
                .orderByDueDate()
                .asc());
  }

  private TaskQuery unitTasks() {
    return tasks.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS).includeAssignedTasks();
  }

  private void ensure(String name, int priority, String description, Supplier<TaskQuery> query) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name);
    }
    filter.setQuery(query.get());
    filter.setProperties(properties(priority, description));
    filters.saveFilter(filter);
    for (Unit unit : directory.units()) {
      authorizations.grant(unit.groupId(), Resources.FILTER, filter.getId(), Permissions.READ);
    }
    authorizations.grant(Groups.OFFICE, Resources.FILTER, filter.getId(), Permissions.READ);
  }

  private static Map<String, Object> properties(int priority, String description) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("priority", priority);
    properties.put("description", description);
    properties.put("refresh", true);
    properties.put(
        "variables",
        List.of(
            // Tasklist lists the first two and keeps the rest behind the item's arrow: the due
            // time comes first, in the form's words (Beijing time, from the server)
            column(TaskSupervision.Variables.DEADLINE_TEXT, "截止时间"),
            column(TaskSupervision.Variables.TASK_TITLE, "任务名称"),
            column(TaskSupervision.Variables.TASK_NO, "任务编号"),
            column(TaskSupervision.Variables.UNIT_NAME, "承办单位")));
    return properties;
  }

  private static Map<String, String> column(String name, String label) {
    return Map.of("name", name, "label", label);
  }
}
