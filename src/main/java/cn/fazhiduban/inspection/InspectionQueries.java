package cn.fazhiduban.inspection;

import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.identity.Groups;
import cn.fazhiduban.plan.Plan;
import cn.fazhiduban.plan.PlanRepository;
import cn.fazhiduban.unit.Unit;
import cn.fazhiduban.unit.UnitDirectory;
import cn.fazhiduban.unit.UnitKind;
import cn.fazhiduban.web.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the API, the Cockpit view and the start form read about inspections: the list, the coverage
 * of the plan's units within its period, and the units proposed for the next inspection.
 */
@Service
@Transactional(readOnly = true)
public class InspectionQueries {

  private final InspectionRepository inspections;
  private final InspectedUnitRepository units;
  private final FindingRepository findings;
  private final PlanRepository plans;
  private final UnitDirectory directory;
  private final EngineClock clock;

  InspectionQueries(
      InspectionRepository inspections,
      InspectedUnitRepository units,
      FindingRepository findings,
      PlanRepository plans,
      UnitDirectory directory,
      EngineClock clock) {
    this.inspections = inspections;
    this.units = units;
    this.findings = findings;
    this.plans = plans;
    this.directory = directory;
    this.clock = clock;
  }

  public record UnitRow(
      String unit,
      String unitCode,
      String status,
      String escalationLevel,
      int findings,
      int openFindings,
      OffsetDateTime closedAt) {}

  public record InspectionRow(
      long id,
      String kind,
      String topic,
      String status,
      LocalDate startsOn,
      LocalDate endsOn,
      List<String> group,
      String startedBy,
      OffsetDateTime startedAt,
      OffsetDateTime closedAt,
      boolean reportDrafted,
      String processInstanceId,
      List<UnitRow> units) {}

  /**
   * Inspections started in the year (Beijing time), with the unit, as far as the viewer may see
   * them.
   */
  public List<InspectionRow> list(Integer year, String unitCode, Predicate<String> sees) {
    List<InspectionRow> rows = new ArrayList<>();
    for (Inspection inspection : inspections.findAllByOrderByStartedAtDesc()) {
      if (year != null && inspection.getStartedAt().atZone(EngineClock.ZONE).getYear() != year) {
        continue;
      }
      List<Finding> all = findings.findByInspectionIdOrderById(inspection.getId());
      List<UnitRow> unitRows =
          units.findByInspectionIdOrderById(inspection.getId()).stream()
              .filter(u -> sees.test(u.getUnitCode()))
              .filter(u -> unitCode == null || unitCode.equals(u.getUnitCode()))
              .map(
                  u -> {
                    List<Finding> own =
                        all.stream().filter(f -> f.getInspectedUnitId().equals(u.getId())).toList();
                    return new UnitRow(
                        u.getUnitName(),
                        u.getUnitCode(),
                        u.getStatus().name(),
                        u.getEscalationLevel(),
                        own.size(),
                        (int) own.stream().filter(f -> f.getStatus().open()).count(),
                        beijing(u.getClosedAt()));
                  })
              .toList();
      if (unitRows.isEmpty()) {
        continue;
      }
      rows.add(
          new InspectionRow(
              inspection.getId(),
              inspection.getKind(),
              inspection.getTopic(),
              inspection.getStatus().name(),
              inspection.getStartsOn(),
              inspection.getEndsOn(),
              inspection.groupMembers(),
              inspection.getStartedBy(),
              beijing(inspection.getStartedAt()),
              beijing(inspection.getClosedAt()),
              inspection.getReportDraftedAt() != null,
              inspection.getProcessInstanceId(),
              unitRows));
    }
    return rows;
  }

  public record LastInspection(
      long inspectionId,
      String kind,
      String topic,
      String status,
      OffsetDateTime startedAt,
      OffsetDateTime closedAt,
      String processInstanceId) {}

  public record CoverageUnit(
      String unit,
      String unitCode,
      String kind,
      boolean covered,
      boolean inProgress,
      LastInspection lastInspection,
      int openFindings,
      Map<String, Integer> openFindingsBySeverity,
      String light) {}

  public record KindCoverage(String kind, int units, int covered, double coverageRate) {}

  public record Coverage(
      long planId,
      String planTitle,
      LocalDate periodFrom,
      LocalDate periodTo,
      String periodSource,
      long daysLeft,
      boolean lastQuarter,
      int unitsInScope,
      int coveredUnits,
      double coverageRate,
      Map<String, Integer> openFindingsBySeverity,
      List<KindCoverage> byKind,
      List<CoverageUnit> units) {}

  /**
   * Every unit of the directory in the plan's scope (every unit but 依法治区办 itself, which does the
   * inspecting): its last inspection, its open findings, and whether an inspection of it was closed
   * within the plan's period. The rate counts all units in scope; the rows are the ones the viewer
   * may see.
   */
  public Coverage coverage(Long planId, Predicate<String> sees) {
    Plan plan = plan(planId);
    PlanPeriod period = PlanPeriod.of(plan);
    LocalDate today = clock.today();
    List<Unit> scope = scope();
    Map<Long, Inspection> byId =
        inspections.findAll().stream().collect(Collectors.toMap(Inspection::getId, i -> i));
    Map<String, List<InspectedUnit>> rowsByUnit =
        units.findAll().stream()
            .filter(u -> u.getStatus() != InspectedUnit.Status.CANCELLED)
            .collect(Collectors.groupingBy(InspectedUnit::getUnitCode));
    Map<String, List<Finding>> openByUnit =
        findings
            .findByStatusIn(List.of(Finding.Status.RECTIFYING, Finding.Status.SUBMITTED))
            .stream()
            .collect(Collectors.groupingBy(Finding::getUnitCode));

    List<CoverageUnit> rows = new ArrayList<>();
    Map<String, int[]> kinds = new LinkedHashMap<>();
    Map<String, Integer> openBySeverity = new LinkedHashMap<>();
    InspectionProcess.SEVERITIES.forEach(s -> openBySeverity.put(s, 0));
    int covered = 0;
    for (Unit unit : scope) {
      List<InspectedUnit> history = rowsByUnit.getOrDefault(unit.code(), List.of());
      boolean isCovered =
          history.stream()
              .anyMatch(
                  u ->
                      u.getStatus() == InspectedUnit.Status.CLOSED
                          && inPeriod(byId.get(u.getInspectionId()), period));
      boolean inProgress = history.stream().anyMatch(u -> u.getStatus().open());
      InspectedUnit last =
          history.stream()
              .max(
                  Comparator.comparing(
                      (InspectedUnit u) -> byId.get(u.getInspectionId()).getStartedAt()))
              .orElse(null);
      List<Finding> open = openByUnit.getOrDefault(unit.code(), List.of());
      Map<String, Integer> severities = new LinkedHashMap<>();
      InspectionProcess.SEVERITIES.forEach(
          s ->
              severities.put(
                  s, (int) open.stream().filter(f -> f.getSeverity().equals(s)).count()));
      severities.forEach((s, n) -> openBySeverity.merge(s, n, Integer::sum));
      covered += isCovered ? 1 : 0;
      int[] tally = kinds.computeIfAbsent(unit.kind().label(), k -> new int[2]);
      tally[0]++;
      tally[1] += isCovered ? 1 : 0;
      if (sees.test(unit.code())) {
        String light = isCovered ? "green" : period.lastQuarter(today) ? "red" : "yellow";
        rows.add(
            new CoverageUnit(
                unit.name(),
                unit.code(),
                unit.kind().label(),
                isCovered,
                inProgress,
                last == null ? null : lastInspection(byId.get(last.getInspectionId()), last),
                open.size(),
                severities,
                light));
      }
    }
    List<KindCoverage> byKind = new ArrayList<>();
    kinds.forEach((kind, t) -> byKind.add(new KindCoverage(kind, t[0], t[1], rate(t[1], t[0]))));
    return new Coverage(
        plan.getId(),
        plan.getTitle(),
        period.from(),
        period.to(),
        period.source(),
        period.daysLeft(today),
        period.lastQuarter(today),
        scope.size(),
        covered,
        rate(covered, scope.size()),
        openBySeverity,
        byKind,
        rows);
  }

  public record ProposedUnit(
      String code, String name, String kind, OffsetDateTime lastInspectedAt) {}

  public record Proposal(
      Long planId,
      String planTitle,
      LocalDate periodFrom,
      LocalDate periodTo,
      List<ProposedUnit> units,
      List<ProposedUnit> others) {}

  /**
   * For the start form: the units not yet inspected in the plan's period (neither covered nor being
   * inspected), those never inspected first, then the longest since their last inspection; the
   * others after them.
   */
  public Proposal proposal(Long planId) {
    if (plans.count() == 0) {
      return new Proposal(null, null, null, null, List.of(), List.of());
    }
    Coverage coverage = coverage(planId, code -> true);
    Map<String, Unit> byCode = new HashMap<>();
    scope().forEach(u -> byCode.put(u.code(), u));
    Comparator<ProposedUnit> oldestFirst =
        Comparator.comparing(
            ProposedUnit::lastInspectedAt, Comparator.nullsFirst(Comparator.naturalOrder()));
    List<ProposedUnit> proposed = new ArrayList<>();
    List<ProposedUnit> others = new ArrayList<>();
    for (CoverageUnit row : coverage.units()) {
      ProposedUnit unit =
          new ProposedUnit(
              row.unitCode(),
              row.unit(),
              row.kind(),
              row.lastInspection() == null ? null : row.lastInspection().startedAt());
      (row.covered() || row.inProgress() ? others : proposed).add(unit);
    }
    proposed.sort(oldestFirst.thenComparing(ProposedUnit::code));
    others.sort(oldestFirst.thenComparing(ProposedUnit::code));
    return new Proposal(
        coverage.planId(),
        coverage.planTitle(),
        coverage.periodFrom(),
        coverage.periodTo(),
        proposed,
        others);
  }

  /** The inspection, if the viewer may see it (one of its units is theirs, or they see all). */
  public Inspection inspection(long id, Predicate<String> sees) {
    Inspection inspection =
        inspections.findById(id).orElseThrow(() -> ApiException.notFound("督察 " + id));
    boolean visible =
        units.findByInspectionIdOrderById(id).stream().anyMatch(u -> sees.test(u.getUnitCode()));
    if (!visible) {
      throw ApiException.notFound("督察 " + id);
    }
    return inspection;
  }

  /** The units in the plan's scope: every unit of the directory but 依法治区办. */
  List<Unit> scope() {
    return directory.units().stream().filter(u -> u.kind() != UnitKind.OFFICE).toList();
  }

  private Plan plan(Long planId) {
    if (planId == null) {
      return plans.findAll().stream()
          .max(Comparator.comparing(Plan::getImportedAt))
          .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "not-found", "还没有导入任务分解方案。"));
    }
    return plans.findById(planId).orElseThrow(() -> ApiException.notFound("任务分解方案 " + planId));
  }

  private static boolean inPeriod(Inspection inspection, PlanPeriod period) {
    return inspection != null
        && period.contains(inspection.getStartedAt().atZone(EngineClock.ZONE).toLocalDate());
  }

  private static LastInspection lastInspection(Inspection inspection, InspectedUnit unit) {
    return new LastInspection(
        inspection.getId(),
        inspection.getKind(),
        inspection.getTopic(),
        unit.getStatus().name(),
        beijing(inspection.getStartedAt()),
        beijing(unit.getClosedAt()),
        inspection.getProcessInstanceId());
  }

  /** covered / in scope, exactly as a double (0 when nothing is in scope). */
  static double rate(int covered, int total) {
    return total == 0 ? 0 : (double) covered / total;
  }

  static OffsetDateTime beijing(Instant at) {
    return at == null ? null : at.atZone(EngineClock.ZONE).toOffsetDateTime();
  }

  static final Set<String> SEES_ALL = Set.of(Groups.OFFICE, Groups.LEADERS, Groups.ADMINS);
}
