package cn.fazhiduban.process;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.reporting.AnnualReportProcess;
import cn.fazhiduban.reporting.AnnualReportProcess.Elements;
import cn.fazhiduban.reporting.AnnualReportProcess.Variables;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Every January the timer of {@code annual-report-schedule} opens last year's report, once. */
@CoverageOf(AnnualReportProcess.SCHEDULE_PROCESS_ID)
class AnnualReportScheduleProcessTest extends ProcessTestSupport {

  @Test
  void theJanuaryTimerStartsLastYearsReportOnce() {
    ManagementService management = processEngine.getManagementService();
    RuntimeService runtime = processEngine.getRuntimeService();
    Job timer =
        management
            .createJobQuery()
            .processDefinitionKey(AnnualReportProcess.SCHEDULE_PROCESS_ID)
            .timers()
            .singleResult();
    assertThat(timer).as("年度报告的定时启动作业").isNotNull();
    LocalDate due = timer.getDuedate().toInstant().atZone(BEIJING).toLocalDate();
    assertThat(due.getMonthValue()).isEqualTo(1);
    assertThat(due.getDayOfMonth()).isEqualTo(10);

    // an hour after the timer was due, as when the job executor picks it up
    ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(3600)));
    management.executeJob(timer.getId());
    List<ProcessInstance> reports =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(AnnualReportProcess.PROCESS_ID)
            .processInstanceBusinessKey(String.valueOf(due.getYear() - 1))
            .list();
    assertThat(reports).hasSize(1);
    assertThat(runtime.getVariable(reports.get(0).getId(), Variables.YEAR))
        .isEqualTo(due.getYear() - 1);
    List<HistoricActivityInstance> passed =
        processEngine
            .getHistoryService()
            .createHistoricActivityInstanceQuery()
            .activityId(Elements.END_ANNUAL_REPORT_STARTED)
            .list();
    assertThat(passed).hasSize(1);

    // the next firing (a repeat in the same January, e.g. after a restore) does not start a second
    // one
    Job next =
        management
            .createJobQuery()
            .processDefinitionKey(AnnualReportProcess.SCHEDULE_PROCESS_ID)
            .timers()
            .singleResult();
    assertThat(next.getDuedate()).isAfter(timer.getDuedate());
    management.executeJob(next.getId());
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(AnnualReportProcess.PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(due.getYear() - 1))
                .count())
        .isEqualTo(1);
  }
}
