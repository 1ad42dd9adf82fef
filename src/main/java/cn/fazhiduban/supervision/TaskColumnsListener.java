package cn.fazhiduban.supervision;

import static cn.fazhiduban.supervision.TaskSupervision.Typed.DEADLINE;
import static cn.fazhiduban.supervision.TaskSupervision.Typed.RECTIFY_DEADLINE;
import static cn.fazhiduban.supervision.TaskSupervision.Typed.RECTIFY_REQUIREMENT;
import static cn.fazhiduban.supervision.TaskSupervision.Typed.REPORT_DUE;
import static cn.fazhiduban.supervision.TaskSupervision.Typed.TASK_NO;
import static cn.fazhiduban.supervision.TaskSupervision.Typed.TASK_TEXT;
import static cn.fazhiduban.supervision.TaskSupervision.Typed.TASK_TITLE;
import static cn.fazhiduban.supervision.TaskSupervision.Typed.UNIT_NAME;

import cn.fazhiduban.engine.SupervisionKeys;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The supervision user tasks, on create: puts 任务编号, 任务名称, the task text, 承办单位 and 截止时间 on the task
 * itself, from our rows, and the due time as text in Beijing time for the forms. A unit may read
 * its tasks but not the instances behind them, so Tasklist's filter columns and the forms can only
 * show what the task carries; and as task-local values they shadow whatever another unit's
 * completion may have written into the instance.
 */
@Component("taskColumnsListener")
class TaskColumnsListener implements TaskListener {

  private final RoundRecords records;
  private final WorkItemScopes scopes;
  private final ReportService reports;

  TaskColumnsListener(RoundRecords records, WorkItemScopes scopes, ReportService reports) {
    this.records = records;
    this.scopes = scopes;
    this.reports = reports;
  }

  @Override
  public void notify(DelegateTask task) {
    SupervisionKeys keys = SupervisionKeys.of(task);
    RoundTask roundTask = records.roundTask(keys.roundId(), keys.task());
    TASK_NO.setLocal(task, roundTask.getTaskNo());
    TASK_TITLE.setLocal(task, roundTask.title());
    TASK_TEXT.setLocal(task, roundTask.getPlanTask().getText());
    Optional<WorkItem> item = scopes.find(task.getExecution());
    item.ifPresent(
        found -> {
          UNIT_NAME.setLocal(task, found.getUnitName());
          REPORT_DUE.setLocal(task, Date.from(found.getDueAt()));
          if (TaskSupervision.Elements.RECTIFY.equals(task.getTaskDefinitionKey())) {
            Rectification rectification = reports.openRectification(found);
            RECTIFY_REQUIREMENT.setLocal(task, rectification.getRequirement());
            RECTIFY_DEADLINE.setLocal(task, rectification.getDeadline().toString());
          }
        });
    if (task.getDueDate() != null) {
      DEADLINE.setLocal(task, task.getDueDate());
    }
    // the due time as the forms show it, in Beijing time: the task's own, else its work item's
    // (review, check)
    Date due =
        task.getDueDate() != null
            ? task.getDueDate()
            : item.map(found -> Date.from(found.getDueAt())).orElse(null);
    if (due != null) {
      task.setVariableLocal(TaskSupervision.Variables.DEADLINE_TEXT, BeijingTime.text(due));
    }
  }
}
