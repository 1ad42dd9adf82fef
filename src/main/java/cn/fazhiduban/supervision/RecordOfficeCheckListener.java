package cn.fazhiduban.supervision;

import static cn.fazhiduban.supervision.TaskSupervision.Variables.CHECK_DECISION;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.PASSED;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.RECTIFY;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.RECTIFY_DEADLINE;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.RECTIFY_REQUIREMENT;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.RECTIFY_UNITS;

import cn.fazhiduban.engine.CurrentUser;
import cn.fazhiduban.engine.FormValues;
import cn.fazhiduban.engine.SupervisionKeys;
import cn.fazhiduban.supervision.OfficeCheck.Decision;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_OfficeCheck, on complete: 通过, or 需整改 naming units, the requirement and a deadline. */
@Component("recordOfficeCheckListener")
class RecordOfficeCheckListener implements TaskListener {

  private final ReportService reports;
  private final CurrentUser currentUser;

  RecordOfficeCheckListener(ReportService reports, CurrentUser currentUser) {
    this.reports = reports;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    FormValues form = new FormValues(task);
    boolean passed =
        form.choice(CHECK_DECISION, "检查结论（通过或需整改）", List.of(PASSED, RECTIFY)).equals(PASSED);
    SupervisionKeys keys = SupervisionKeys.of(task);
    if (passed) {
      reports.taskChecked(
          keys.roundId(),
          keys.task(),
          Decision.PASSED,
          List.of(),
          null,
          null,
          currentUser.of(task));
      return;
    }
    List<String> units = form.list(RECTIFY_UNITS);
    String requirement = form.text(RECTIFY_REQUIREMENT, "整改要求", 2000, true);
    LocalDate deadline = form.date(RECTIFY_DEADLINE, "整改期限");
    reports.taskChecked(
        keys.roundId(),
        keys.task(),
        Decision.RECTIFY,
        units,
        requirement,
        deadline,
        currentUser.of(task));
  }
}
