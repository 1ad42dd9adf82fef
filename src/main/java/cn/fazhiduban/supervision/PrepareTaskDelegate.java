package cn.fazhiduban.supervision;

import static cn.fazhiduban.supervision.TaskSupervision.Typed.LEAD_UNIT_NAMES;
import static cn.fazhiduban.supervision.TaskSupervision.Typed.NEEDS_ASSIGNMENT;
import static cn.fazhiduban.supervision.TaskSupervision.Typed.TASK_TEXT;
import static cn.fazhiduban.supervision.TaskSupervision.Typed.TASK_TITLE;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.TASK_UNIT_OPTIONS;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.UNIT_OPTIONS;

import cn.fazhiduban.engine.SupervisionKeys;
import cn.fazhiduban.supervision.WorkItemService.TaskFacts;
import cn.fazhiduban.unit.UnitDirectory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_PrepareTask: links the task's work items to this instance and sets what the forms
 * show.
 */
@Component("prepareTaskDelegate")
class PrepareTaskDelegate implements JavaDelegate {

  private final WorkItemService workItems;
  private final UnitDirectory directory;

  PrepareTaskDelegate(WorkItemService workItems, UnitDirectory directory) {
    this.workItems = workItems;
    this.directory = directory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SupervisionKeys keys = SupervisionKeys.of(execution);
    TaskFacts facts =
        workItems.taskStarted(keys.roundId(), keys.task(), execution.getProcessInstanceId());
    TASK_TITLE.set(execution, facts.title());
    TASK_TEXT.set(execution, facts.text());
    LEAD_UNIT_NAMES.set(execution, facts.leadUnitNames());
    NEEDS_ASSIGNMENT.set(execution, facts.needsAssignment());
    execution.setVariable(TASK_UNIT_OPTIONS, UnitOptions.of(facts.reporters()));
    if (facts.needsAssignment()) {
      execution.setVariable(UNIT_OPTIONS, UnitOptions.of(directory.activeUnits()));
    }
  }
}
