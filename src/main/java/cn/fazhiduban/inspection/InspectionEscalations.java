package cn.fazhiduban.inspection;

import cn.fazhiduban.calendar.WorkingCalendar;
import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.escalation.EscalationDecision;
import cn.fazhiduban.escalation.EscalationLevel;
import java.time.Instant;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The escalation ladder for inspections: an overdue self-inspection report or rectification climbs
 * 提醒 → 警示 → 挂牌督办 → 通报 → 约谈 as the decision table {@code escalation-level} says ({@link
 * EscalationDecision}, the same table that supervision uses). The level is kept on our own rows
 * (the inspected unit, the finding); the {@code escalation} process is not started, its work and
 * messages belong to work items.
 */
@Service
@Transactional
public class InspectionEscalations {

  private static final Logger log = LoggerFactory.getLogger(InspectionEscalations.class);

  private final InspectionRepository inspections;
  private final InspectedUnitRepository units;
  private final FindingRepository findings;
  private final EscalationDecision decision;
  private final WorkingCalendar calendar;
  private final EngineClock clock;

  InspectionEscalations(
      InspectionRepository inspections,
      InspectedUnitRepository units,
      FindingRepository findings,
      EscalationDecision decision,
      WorkingCalendar calendar,
      EngineClock clock) {
    this.inspections = inspections;
    this.units = units;
    this.findings = findings;
    this.decision = decision;
    this.calendar = calendar;
    this.clock = clock;
  }

  public void remindSelfInspection(long inspectedUnitId) {
    InspectedUnit unit = units.findById(inspectedUnitId).orElseThrow();
    Instant due = dueOfSelfReport(unit);
    if (unit.getStatus() != InspectedUnit.Status.SELF_INSPECTION || !clock.now().isBefore(due)) {
      return;
    }
    raiseUnit(unit, level(-Math.max(calendar.workingDaysBetween(clock.today(), day(due)), 1), 0));
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
    raiseFinding(
        finding,
        level(
            -Math.max(calendar.workingDaysBetween(clock.today(), day(finding.getDueAt())), 1), 0));
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

  private void raiseUnit(InspectedUnit unit, EscalationLevel level) {
    if (isAbove(level, unit.getEscalationLevel())) {
      unit.escalated(level.label());
      log.info("督察自查报告升级：{}（督察 {}）→ {}", unit.getUnitName(), unit.getInspectionId(), level.label());
    }
  }

  private void raiseFinding(Finding finding, EscalationLevel level) {
    if (isAbove(level, finding.getEscalationLevel())) {
      finding.escalated(level.label(), level.isAtLeast(EscalationLevel.WARNING), clock.now());
      log.info("督察问题整改升级：问题 {}（{}）→ {}", finding.getId(), finding.getUnitCode(), level.label());
    }
  }

  /** The decision table's level; inspections have no plan milestones of their own. */
  private EscalationLevel level(int daysOverdue, int earlierEscalations) {
    return decision.decide(daysOverdue, earlierEscalations, false).level();
  }

  /** {@code level} is higher on the ladder than the stored label (none is below every level). */
  private static boolean isAbove(EscalationLevel level, String storedLabel) {
    return storedLabel == null || !EscalationLevel.ofLabel(storedLabel).isAtLeast(level);
  }

  private Instant dueOfSelfReport(InspectedUnit unit) {
    return inspections.findById(unit.getInspectionId()).orElseThrow().getSelfReportDue();
  }

  private static LocalDate day(Instant at) {
    return at.atZone(EngineClock.ZONE).toLocalDate();
  }
}
