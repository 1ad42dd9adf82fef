package cn.fazhiduban.supervision;

import static cn.fazhiduban.supervision.TaskSupervision.Variables.ROUND_ID;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.TASK_NO;
import static cn.fazhiduban.supervision.TaskSupervision.Variables.UNIT_CODE;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Which work item a task of the model is about: round, plan task and (inside a unit's instance) unit. */
public record SupervisionKeys(long roundId, int taskNo, String unitCode) {

  public static SupervisionKeys of(VariableScope scope) {
    Object unit = scope.getVariable(UNIT_CODE);
    return new SupervisionKeys(roundId(scope), ((Number) scope.getVariable(TASK_NO)).intValue(),
        unit == null ? null : unit.toString());
  }

  public static long roundId(VariableScope scope) {
    return ((Number) scope.getVariable(ROUND_ID)).longValue();
  }
}
