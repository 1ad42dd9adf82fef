package cn.fazhiduban.plan;

import cn.fazhiduban.plan.PlanImportProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * On completing 核对任务分解方案: the decision must be 确认导入 or 放弃, and what the office corrected must hold
 * (task numbers of this plan, units of the directory, names that were unknown). A fault keeps the
 * task open and shows the Chinese message on the form.
 */
@Component
class CheckPlanListener implements TaskListener {

  private final PlanCheckService checks;

  CheckPlanListener(PlanCheckService checks) {
    this.checks = checks;
  }

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable(Variables.DECISION);
    if (Variables.CONFIRM.equals(decision)) {
      checks.check(task.getProcessInstanceId(), task.getVariable(Variables.CORRECTIONS));
    } else if (!Variables.ABANDON.equals(decision)) {
      throw new FormFieldValidationException(Variables.DECISION, "请选择“确认导入”或“放弃”。");
    }
  }
}
