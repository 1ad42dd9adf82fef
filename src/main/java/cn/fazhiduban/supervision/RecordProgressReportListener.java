package cn.fazhiduban.supervision;

import static cn.fazhiduban.supervision.TaskSupervision.Variables.COMPLETION;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.CONTACT;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.NEXT_STEPS;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.PERCENT;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.PHONE;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.PROBLEMS;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.PROGRESS;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.REVIEW_DECISION;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.REVIEW_OPINION;

import cn.fazhiduban.engine.CurrentUser;
import cn.fazhiduban.engine.FormValues;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_SubmitProgressReport, on complete: checks the report and keeps it as a new version. */
@Component("recordProgressReportListener")
class RecordProgressReportListener implements TaskListener {

  static final List<String> COMPLETIONS = List.of("未启动", "推进中", "已完成");

  /** A mobile number, or a landline with area code and an optional extension. */
  static final Pattern PHONE_PATTERN =
      Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?");

  private final ReportService reports;
  private final SupervisionService supervision;
  private final WorkItemScopes scopes;
  private final CurrentUser currentUser;

  RecordProgressReportListener(
      ReportService reports,
      SupervisionService supervision,
      WorkItemScopes scopes,
      CurrentUser currentUser) {
    this.reports = reports;
    this.supervision = supervision;
    this.scopes = scopes;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    FormValues form = new FormValues(task);
    String phone = form.text(PHONE, "联系电话", 30, false);
    if (phone != null && !PHONE_PATTERN.matcher(phone).matches()) {
      throw FormValues.invalid(PHONE, "联系电话格式不正确，请输入正确的手机号或座机号，如 13812345678 或 023-67891234。");
    }
    ReportForm report =
        new ReportForm(
            form.text(PROGRESS, "工作进展", 2000, true),
            form.choice(COMPLETION, "完成情况", COMPLETIONS),
            form.integer(PERCENT, "完成进度", 0, 100),
            form.text(PROBLEMS, "存在问题", 1000, false),
            form.text(NEXT_STEPS, "下步计划", 1000, false),
            form.text(CONTACT, "联系人", 50, false),
            phone,
            form.evidence());
    WorkItem item = scopes.of(task);
    reports.reportSubmitted(
        item, report, !supervision.reviewerGroups(item).isEmpty(), currentUser.of(task));
    // The unit's instance keeps its variables across 退回; the reviewer starts from a blank decision
    // each time.
    task.getExecution().setVariable(REVIEW_DECISION, null);
    task.getExecution().setVariable(REVIEW_OPINION, null);
  }
}
