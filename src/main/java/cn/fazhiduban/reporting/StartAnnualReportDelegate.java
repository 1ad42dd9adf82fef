package cn.fazhiduban.reporting;

import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.reporting.AnnualReportProcess.Variables;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 启动上一年度报告 (January timer): starts {@code annual-report} for last year unless one is already
 * running.
 */
@Component
public class StartAnnualReportDelegate implements JavaDelegate {

  private final EngineClock clock;

  StartAnnualReportDelegate(EngineClock clock) {
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int year = clock.today().getYear() - 1;
    var runtime = execution.getProcessEngineServices().getRuntimeService();
    boolean running =
        runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(AnnualReportProcess.PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(year))
                .count()
            > 0;
    if (!running) {
      runtime.startProcessInstanceByKey(
          AnnualReportProcess.PROCESS_ID, String.valueOf(year), Map.of(Variables.YEAR, year));
    }
  }
}
