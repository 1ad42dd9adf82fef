package cn.fazhiduban.reporting;

import cn.fazhiduban.reporting.AnnualReportProcess.Variables;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** 领导审定 completed: 通过, or 退回 with an opinion that the office reads; anything else is refused. */
@Component
public class RecordApprovalListener implements TaskListener {

  static final int MAX_OPINION = 1000;

  private final AnnualReportStore store;

  RecordApprovalListener(AnnualReportStore store) {
    this.store = store;
  }

  @Override
  public void notify(DelegateTask task) {
    long reportId = AnnualReportProcess.Typed.REPORT_ID.get(task);
    Object approval = task.getVariable(Variables.APPROVAL);
    Object opinionValue = task.getVariable(Variables.APPROVAL_OPINION);
    String opinion = opinionValue == null ? "" : opinionValue.toString().strip();
    if (opinion.length() > MAX_OPINION) {
      throw new BadUserRequestException("审定意见最多 1000 字。");
    }
    if (AnnualReportProcess.RETURN.equals(approval)) {
      if (opinion.isEmpty()) {
        throw new BadUserRequestException("退回时请填写审定意见。");
      }
      store.opinion(reportId, opinion);
      store.status(reportId, AnnualReportProcess.RETURNED);
    } else if (!AnnualReportProcess.APPROVE.equals(approval)) {
      throw new BadUserRequestException("请选择审定结论：通过或退回。");
    }
  }
}
