package cn.fazhiduban.inspection;

import cn.fazhiduban.security.StartableProcess;
import org.springframework.stereotype.Component;

/** 法治督察 is started by 依法治区办 (and administrators, who may start anything). */
@Component
class InspectionStarters implements StartableProcess {

  @Override
  public String processDefinitionKey() {
    return InspectionProcess.PROCESS_ID;
  }
}
