package cn.fazhiduban.supervision;

import cn.fazhiduban.engine.SupervisionKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_CloseRound (supervision-round): every task of the round is done. */
@Component("closeRoundDelegate")
class CloseRoundDelegate implements JavaDelegate {

  private final WorkItemService workItems;

  CloseRoundDelegate(WorkItemService workItems) {
    this.workItems = workItems;
  }

  @Override
  public void execute(DelegateExecution execution) {
    workItems.roundClosed(SupervisionKeys.of(execution).roundId());
  }
}
