package cn.fazhiduban.supervision;

import static cn.fazhiduban.supervision.TaskSupervision.Typed.LEAD_UNIT_NAMES;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.ASSIGNED_LEAD_UNITS;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.ASSIGNED_RESPONSIBLE_UNITS;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.TASK_UNIT_OPTIONS;

import cn.fazhiduban.engine.FormValues;
import cn.fazhiduban.engine.SupervisionKeys;
import cn.fazhiduban.unit.Unit;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_ApplyAssignment: opens work items for the units the office confirmed. */
@Component("applyAssignmentDelegate")
class ApplyAssignmentDelegate implements JavaDelegate {

  private final WorkItemService workItems;
  private final SupervisionService supervision;

  ApplyAssignmentDelegate(WorkItemService workItems, SupervisionService supervision) {
    this.workItems = workItems;
    this.supervision = supervision;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormValues form = new FormValues(execution);
    List<String> leads = form.list(ASSIGNED_LEAD_UNITS);
    SupervisionKeys keys = SupervisionKeys.of(execution);
    List<Unit> reporters =
        workItems.assignUnits(
            keys.roundId(),
            keys.task(),
            leads,
            form.list(ASSIGNED_RESPONSIBLE_UNITS),
            execution.getProcessInstanceId());
    execution.setVariable(TASK_UNIT_OPTIONS, UnitOptions.of(reporters));
    LEAD_UNIT_NAMES.set(
        execution, String.join("、", leads.stream().map(supervision::unitName).toList()));
  }
}
