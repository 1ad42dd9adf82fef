package cn.fazhiduban.inspection;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_PublishTypicalCaseNotice completed: the 典型案例通报 is recorded. */
@Component("recordTypicalCaseNoticeListener")
class RecordTypicalCaseNoticeListener implements TaskListener {

  private final InspectionService service;

  RecordTypicalCaseNoticeListener(InspectionService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    service.recordNotice(task);
  }
}
