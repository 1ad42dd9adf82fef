package cn.fazhiduban.supervision;

import static cn.fazhiduban.supervision.RoundStart.Variables.CHAPTERS;
import static cn.fazhiduban.supervision.RoundStart.Variables.LABEL;
import static cn.fazhiduban.supervision.RoundStart.Variables.PLAN_ID;
import static cn.fazhiduban.supervision.RoundStart.Variables.REPORT_DATE;
import static cn.fazhiduban.supervision.RoundStart.Variables.ROUND_ID;
import static cn.fazhiduban.supervision.RoundStart.Variables.TASK_LIST;
import static cn.fazhiduban.supervision.RoundStart.Variables.TASK_SCOPE;
import static cn.fazhiduban.supervision.RoundStart.Variables.WORK_ITEMS;

import cn.fazhiduban.engine.CurrentUser;
import cn.fazhiduban.engine.FormValues;
import cn.fazhiduban.supervision.RoundService.Opened;
import cn.fazhiduban.supervision.RoundService.RoundForm;
import cn.fazhiduban.web.ApiException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_OpenRound of {@code round-start}: opens the round the start form describes through
 * {@link RoundService}, the same checks and the same all-or-nothing as {@code POST /api/rounds}. A
 * refusal becomes a form validation error with the same Chinese message, so Tasklist shows it on
 * the form and the start rolls back whole.
 */
@Component("openRoundDelegate")
class OpenRoundDelegate implements JavaDelegate {

  private final RoundService rounds;
  private final CurrentUser currentUser;

  OpenRoundDelegate(RoundService rounds, CurrentUser currentUser) {
    this.rounds = rounds;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormValues form = new FormValues(execution);
    Object planId = execution.getVariable(PLAN_ID);
    String user = currentUser.current();
    RoundForm request;
    try {
      request =
          new RoundForm(
              planId == null || planId.toString().isBlank()
                  ? null
                  : Long.valueOf(planId.toString()),
              form.text(LABEL, "轮次名称", 100, true),
              form.date(REPORT_DATE, "报送截止日期"),
              TaskSelection.of(
                  text(execution, TASK_SCOPE),
                  text(execution, CHAPTERS),
                  text(execution, TASK_LIST)));
    } catch (NumberFormatException e) {
      throw FormValues.invalid(PLAN_ID, "请选择任务分解方案。");
    } catch (ApiException e) {
      throw FormValues.invalid(TASK_SCOPE, e.getMessage());
    }
    // The start authorization on round-start has been checked; the round's own instances are the
    // application's.
    CommandContext command = Context.getCommandContext();
    command.disableAuthorizationCheck();
    Opened opened;
    try {
      opened = rounds.open(request, user == null ? "tasklist" : user);
    } catch (ApiException e) {
      throw FormValues.invalid(fieldOf(e.code()), e.getMessage());
    } finally {
      command.enableAuthorizationCheck();
    }
    execution.setVariable(ROUND_ID, opened.id());
    execution.setVariable(WORK_ITEMS, opened.workItems());
    execution.setProcessBusinessKey(String.valueOf(opened.id()));
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }

  private static String fieldOf(String code) {
    return switch (code) {
      case "report-due-in-past", "not-a-working-day" -> REPORT_DATE;
      case "unknown-plan" -> PLAN_ID;
      case "invalid-tasks", "unknown-task", "unknown-unit" -> TASK_LIST;
      default -> LABEL;
    };
  }
}
