package cn.fazhiduban.supervision;

import cn.fazhiduban.security.StartableProcess;
import org.springframework.stereotype.Component;

/** 开启督办轮次 is started by 依法治区办 from Tasklist. */
@Component
class RoundStartStarters implements StartableProcess {

  @Override
  public String processDefinitionKey() {
    return RoundStart.PROCESS_ID;
  }
}
