package cn.fazhiduban.plan;

import cn.fazhiduban.plan.PlanImportProcess.Variables;
import cn.fazhiduban.plan.PlanImportService.ImportResult;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** 确认导入: stores the corrected plan in the completion's transaction and records who changed what. */
@Component
class StoreCheckedPlanDelegate implements JavaDelegate {

  private final PlanCheckService checks;
  private final IdentityService identityService;

  StoreCheckedPlanDelegate(PlanCheckService checks, IdentityService identityService) {
    this.checks = checks;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ImportResult result =
        checks.store(
            execution.getProcessInstanceId(),
            execution.getVariable(Variables.CORRECTIONS),
            checkedBy(execution));
    execution.setVariable(Variables.PLAN_ID, result.id());
  }

  /**
   * The logged-in user who completed the check; else (a test without login) the check task's
   * assignee.
   */
  private String checkedBy(DelegateExecution execution) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    HistoricTaskInstance check =
        execution
            .getProcessEngineServices()
            .getHistoryService()
            .createHistoricTaskInstanceQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .taskDefinitionKey(PlanImportProcess.Elements.CHECK_PLAN)
            .orderByHistoricActivityInstanceStartTime()
            .desc()
            .list()
            .stream()
            .findFirst()
            .orElse(null);
    return check == null || check.getAssignee() == null ? "unknown" : check.getAssignee();
  }
}
