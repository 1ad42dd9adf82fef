package cn.fazhiduban.reporting;

import cn.fazhiduban.security.StartableProcess;
import org.springframework.stereotype.Component;

/**
 * 年度报告 is started by 依法治区办 from Tasklist (and every January by its schedule, which needs no grant).
 */
@Component
class AnnualReportStarters implements StartableProcess {

  @Override
  public String processDefinitionKey() {
    return AnnualReportProcess.PROCESS_ID;
  }
}
