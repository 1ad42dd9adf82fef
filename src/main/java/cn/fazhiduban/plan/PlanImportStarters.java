package cn.fazhiduban.plan;

import cn.fazhiduban.security.StartableProcess;
import org.springframework.stereotype.Component;

/** 导入任务分解方案 is started by 依法治区办 from Tasklist. */
@Component
class PlanImportStarters implements StartableProcess {

  @Override
  public String processDefinitionKey() {
    return PlanImportProcess.PROCESS_ID;
  }
}
