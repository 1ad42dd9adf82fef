package cn.fazhiduban.inspection;

import cn.fazhiduban.calendar.WorkingCalendar;
import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.escalation.EscalationLevel;
import cn.fazhiduban.escalation.EscalationProcess;
import java.time.Instant;
import java.time.LocalDate;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The escalation ladder for inspections: an overdue self-inspection report or rectification climbs
 * 提醒 → 警示 → 挂牌督办 → 通报 → 约谈 as the decision table {@code escalation-level} says, the same table that
 * supervision uses, so that administrators change the thresholds for both in one place. The level
 * is kept on our own rows (the inspected unit, the finding); the {@code escalation} process is not
 * started, its work and messages belong to work items.
 */
@Service
@Transactional
public class InspectionEscalations {

  private static final Logger log = LoggerFactory.getLogger(InspectionEscalations.class);

  private final InspectionRepository inspections;
  private final InspectedUnitRepository units;
  private final FindingRepository findings;
  private final DecisionService decisions;
  private final WorkingCalendar calendar;
  private final EngineClock clock;

  InspectionEscalations(
      InspectionRepository inspections,
      InspectedUnitRepository units,
      FindingRepository findings,
      DecisionService decisions,
      WorkingCalendar calendar,
      EngineClock clock) {
    this.inspections = inspections;
    this.units = units;
    this.findings = findings;
    this.decisions = decisions;
    this.calendar = calendar;
    this.clock = clock;
  }

  static long id(DelegateExecution execution, String variable) {
    return ((Number) execution.getVariable(variable)).longValue();
  }

  public void remindSelfInspection(long inspectedUnitId) {
    InspectedUnit unit = units.findById(inspectedUnitId).orElseThrow();
    Instant due = dueOfSelfReport(unit);
    if (unit.getStatus() != InspectedUnit.Status.SELF_INSPECTION || !clock.now().isBefore(due)) {
      return;
    }
    String level = level(-Math.max(calendar.workingDaysBetween(clock.today(), day(due)), 1), 0);
    raiseUnit(unit, level);
  }

  public void evaluateSelfInspection(long inspectedUnitId) {
    InspectedUnit unit = units.findById(inspectedUnitId).orElseThrow();
    Instant due = dueOfSelfReport(unit);
    if (unit.getStatus() != InspectedUnit.Status.SELF_INSPECTION || clock.now().isBefore(due)) {
      return;
    }
    raiseUnit(unit, level(calendar.workingDaysBetween(day(due), clock.today()), 0));
  }

  public void remindFinding(long findingId) {
    Finding finding = findings.findById(findingId).orElseThrow();
    if (finding.getStatus() != Finding.Status.RECTIFYING
        || !clock.now().isBefore(finding.getDueAt())) {
      return;
    }
    String level =
        level(-Math.max(calendar.workingDaysBetween(clock.today(), day(finding.getDueAt())), 1), 0);
    raiseFinding(finding, level);
  }

  /**
   * A finding's rectification is overdue. Earlier overdue findings of the same unit count as
   * earlier escalations: a unit that let findings slip before climbs faster, as the table says for
   * repeated lateness.
   */
  public void evaluateFinding(long findingId) {
    Finding finding = findings.findById(findingId).orElseThrow();
    if (finding.getStatus() != Finding.Status.RECTIFYING
        || clock.now().isBefore(finding.getDueAt())) {
      return;
    }
    int earlier =
        (int)
            findings
                .findByUnitCodeAndOverdueSinceGreaterThanEqualAndOverdueSinceLessThan(
                    finding.getUnitCode(), Instant.EPOCH, finding.getFoundAt())
                .stream()
                .filter(f -> !f.getId().equals(finding.getId()))
                .count();
    raiseFinding(
        finding,
        level(calendar.workingDaysBetween(day(finding.getDueAt()), clock.today()), earlier));
  }

  private void raiseUnit(InspectedUnit unit, String level) {
    if (rank(level) > rank(unit.getEscalationLevel())) {
      unit.escalated(level);
      log.info("督察自查报告升级：{}（督察 {}）→ {}", unit.getUnitName(), unit.getInspectionId(), level);
    }
  }

  private void raiseFinding(Finding finding, String level) {
    if (rank(level) > rank(finding.getEscalationLevel())) {
      finding.escalated(level, rank(level) >= EscalationLevel.WARNING.ordinal(), clock.now());
      log.info("督察问题整改升级：问题 {}（{}）→ {}", finding.getId(), finding.getUnitCode(), level);
    }
  }

  /**
   * Asks the decision table {@code escalation-level}; inspections have no plan milestones of their
   * own.
   */
  String level(int daysOverdue, int earlierEscalations) {
    DmnDecisionResultEntries result =
        decisions
            .evaluateDecisionByKey(EscalationProcess.DECISION_ID)
            .variables(
                Variables.createVariables()
                    .putValue(EscalationProcess.Variables.DAYS_OVERDUE, daysOverdue)
                    .putValue(EscalationProcess.Variables.EARLIER_ESCALATIONS, earlierEscalations)
                    .putValue(EscalationProcess.Variables.MILESTONE_THIS_YEAR, false))
            .evaluate()
            .getSingleResult();
    return result.getEntry(EscalationProcess.Variables.DMN_LEVEL);
  }

  /** A level's place on the ladder (提醒 = 0 … 约谈 = 4); -1 for none. */
  private static int rank(String level) {
    return level == null ? -1 : EscalationLevel.ofLabel(level).ordinal();
  }

  private Instant dueOfSelfReport(InspectedUnit unit) {
    return inspections.findById(unit.getInspectionId()).orElseThrow().getSelfReportDue();
  }

  private static LocalDate day(Instant at) {
    return at.atZone(EngineClock.ZONE).toLocalDate();
  }
}
