package cn.fazhiduban.escalation;

import static cn.fazhiduban.escalation.EscalationProcess.Variables.INTERVIEW_ATTENDEES;
import static cn.fazhiduban.escalation.EscalationProcess.Variables.INTERVIEW_DATE;
import static cn.fazhiduban.escalation.EscalationProcess.Variables.INTERVIEW_MINUTES;
import static cn.fazhiduban.escalation.EscalationProcess.Variables.NOTICE_COPY_TO;
import static cn.fazhiduban.escalation.EscalationProcess.Variables.NOTICE_DEADLINE;
import static cn.fazhiduban.escalation.EscalationProcess.Variables.NOTICE_TEXT;

import cn.fazhiduban.engine.CurrentUser;
import cn.fazhiduban.engine.FormValues;
import cn.fazhiduban.engine.SupervisionKeys;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_IssueSupervisionNotice and Task_HoldInterview, on complete: keeps the 督办通知书 or the 约谈
 * record.
 */
@Component("recordEscalationActionListener")
class RecordEscalationActionListener implements TaskListener {

  private final EscalationService escalations;
  private final CurrentUser currentUser;

  RecordEscalationActionListener(EscalationService escalations, CurrentUser currentUser) {
    this.escalations = escalations;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    FormValues form = new FormValues(task);
    SupervisionKeys keys = SupervisionKeys.of(task);
    String user = currentUser.of(task);
    if (EscalationProcess.Elements.HOLD_INTERVIEW.equals(task.getTaskDefinitionKey())) {
      escalations.recordInterview(
          keys,
          form.date(INTERVIEW_DATE, "约谈日期"),
          form.text(INTERVIEW_ATTENDEES, "参加人员", 500, true),
          form.text(INTERVIEW_MINUTES, "约谈纪要", 5000, true),
          user);
    } else {
      escalations.recordNotice(
          keys,
          form.text(NOTICE_TEXT, "通知内容", 2000, true),
          form.date(NOTICE_DEADLINE, "办理期限"),
          form.text(NOTICE_COPY_TO, "抄送", 200, false),
          user);
    }
  }
}
