package cn.fazhiduban.escalation;

import cn.fazhiduban.escalation.EscalationProcess.Typed;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Asks the decision table {@code escalation-level} which rung an overdue piece of work is on and
 * who hears of it. The one place it is evaluated: supervision's work items and inspections' reports
 * and findings climb the same ladder, so that administrators change the thresholds for both in one
 * table.
 */
@Component
public class EscalationDecision {

  private final DecisionService decisions;

  EscalationDecision(DecisionService decisions) {
    this.decisions = decisions;
  }

  /** What the table decided: the level, and its recipients as the table lists them. */
  public record Outcome(EscalationLevel level, String recipients) {}

  /**
   * @param daysOverdue working days past the due date; negative before it (the reminder)
   * @param earlierEscalations earlier episodes of lateness of the same work
   * @param milestoneThisYear the work has a milestone due this year
   */
  public Outcome decide(int daysOverdue, int earlierEscalations, boolean milestoneThisYear) {
    VariableMap inputs = Variables.createVariables();
    Typed.DAYS_OVERDUE.put(inputs, daysOverdue);
    Typed.EARLIER_ESCALATIONS.put(inputs, earlierEscalations);
    Typed.MILESTONE_THIS_YEAR.put(inputs, milestoneThisYear);
    DmnDecisionResultEntries result =
        decisions
            .evaluateDecisionByKey(EscalationProcess.DECISION_ID)
            .variables(inputs)
            .evaluate()
            .getSingleResult();
    return new Outcome(
        EscalationLevel.ofLabel(Typed.DMN_LEVEL.from(result)), Typed.DMN_NOTIFY.from(result));
  }
}
