package cn.fazhiduban.supervision;

import cn.fazhiduban.engine.SupervisionKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_CloseTask: the office passed the task, so every work item of it is closed. */
@Component("closeTaskDelegate")
class CloseTaskDelegate implements JavaDelegate {

  private final WorkItemService workItems;

  CloseTaskDelegate(WorkItemService workItems) {
    this.workItems = workItems;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SupervisionKeys keys = SupervisionKeys.of(execution);
    workItems.taskClosed(keys.roundId(), keys.task());
  }
}
