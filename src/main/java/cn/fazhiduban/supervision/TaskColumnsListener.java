package cn.fazhiduban.supervision;

import static cn.fazhiduban.supervision.TaskSupervision.Variables.DEADLINE;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.DEADLINE_TEXT;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.REPORT_DUE;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.TASK_NO;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.TASK_TITLE;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.UNIT_NAME;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The supervision user tasks, on create: copies 任务编号, 任务名称, 承办单位 and 截止时间 onto the task itself, and
 * the due time as text in Beijing time for the forms. A unit
 * may read its tasks but not the process instances behind them, so Tasklist's filter columns can only show what the
 * task carries.
 */
@Component("taskColumnsListener")
class TaskColumnsListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    copy(task, TASK_NO);
    copy(task, TASK_TITLE);
    copy(task, UNIT_NAME);
    if (task.getDueDate() != null) {
      task.setVariableLocal(DEADLINE, task.getDueDate());
    }
    // the due time as the forms show it: the task's own, else the round's report due time (review, check)
    Object due = task.getDueDate() != null ? task.getDueDate() : task.getVariable(REPORT_DUE);
    if (due instanceof Date date) {
      task.setVariableLocal(DEADLINE_TEXT, BeijingTime.text(date));
    }
  }

  private static void copy(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    if (value != null) {
      task.setVariableLocal(name, value);
    }
  }
}
