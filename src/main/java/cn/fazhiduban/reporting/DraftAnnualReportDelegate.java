package cn.fazhiduban.reporting;

import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.reporting.AnnualReportProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 起草年度报告: drafts the year's report and keeps it as version 1. Started by the January timer, the
 * year is last year.
 */
@Component
public class DraftAnnualReportDelegate implements JavaDelegate {

  private final AnnualReportDrafter drafter;
  private final AnnualReportStore store;
  private final EngineClock clock;

  DraftAnnualReportDelegate(
      AnnualReportDrafter drafter, AnnualReportStore store, EngineClock clock) {
    this.drafter = drafter;
    this.store = store;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object given = execution.getVariable(Variables.YEAR);
    int year = given instanceof Number number ? number.intValue() : clock.today().getYear() - 1;
    execution.setVariable(Variables.YEAR, year);
    long reportId = store.start(year, execution.getProcessInstanceId(), clock.now());
    ReportDocument draft = drafter.draft(year);
    int version =
        store.addVersion(
            reportId, AnnualReportProcess.KIND_DRAFT, draft.toDocx(), null, "system", clock.now());
    execution.setVariable(Variables.REPORT_ID, reportId);
    execution.setVariable(Variables.REPORT_TEXT, draft.toText());
    execution.setVariable(Variables.VERSION, version);
    execution
        .getProcessEngineServices()
        .getRuntimeService()
        .setVariable(execution.getProcessInstanceId(), Variables.YEAR, year);
  }
}
