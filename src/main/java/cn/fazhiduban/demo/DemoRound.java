package cn.fazhiduban.demo;

import cn.fazhiduban.calendar.WorkingCalendar;
import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.plan.Plan;
import cn.fazhiduban.plan.PlanRepository;
import cn.fazhiduban.plan.PlanTask;
import cn.fazhiduban.supervision.RoundService;
import cn.fazhiduban.supervision.RoundService.OpenRound;
import cn.fazhiduban.supervision.SupervisionRoundRepository;
import cn.fazhiduban.supervision.TaskUnits;
import cn.fazhiduban.supervision.TaskUnits.Expanded;
import cn.fazhiduban.unit.Unit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 演示轮次: on a fresh demo start (no round yet), a round of a handful of tasks of the demo plan, due
 * in ten working days, so that a clerk who logs in sees work at once. The tasks are chosen by rule,
 * not by number, so another demo plan works too: first a small task for each of the demo clerks the
 * README names (组织人事部, 司法局, 党校), then one whose units 依法治区办 must confirm, then small tasks up to
 * five.
 */
@Component
class DemoRound {

  static final String LABEL = "演示轮次";
  static final int TASKS = 5;
  static final int WORKING_DAYS = 10;

  /** The units whose demo clerks the README's log-in table names. */
  static final List<String> FEATURED_UNITS = List.of("zzrsb", "sfj", "dx");

  /** A task with more reporting units than this is no demo: it would flood every clerk's list. */
  private static final int SMALL = 3;

  private final SupervisionRoundRepository rounds;
  private final PlanRepository plans;
  private final TaskUnits taskUnits;
  private final RoundService roundService;
  private final WorkingCalendar calendar;
  private final EngineClock clock;

  DemoRound(
      SupervisionRoundRepository rounds,
      PlanRepository plans,
      TaskUnits taskUnits,
      RoundService roundService,
      WorkingCalendar calendar,
      EngineClock clock) {
    this.rounds = rounds;
    this.plans = plans;
    this.taskUnits = taskUnits;
    this.roundService = roundService;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** Opens the demo round unless a round exists already; the round opened, if any. */
  @Transactional
  public Optional<RoundService.Opened> openIfFresh(long planId) {
    if (rounds.count() > 0) {
      return Optional.empty();
    }
    Plan plan = plans.findById(planId).orElseThrow();
    List<Integer> chosen = choose(plan);
    if (chosen.isEmpty()) {
      return Optional.empty();
    }
    LocalDate due = calendar.plusWorkingDays(clock.today(), WORKING_DAYS);
    return Optional.of(
        roundService.open(
            new OpenRound(
                planId,
                LABEL,
                due.atTime(RoundService.REPORT_DUE_TIME)
                    .atZone(EngineClock.ZONE)
                    .toOffsetDateTime(),
                chosen),
            "demo"));
  }

  private List<Integer> choose(Plan plan) {
    List<PlanTask> tasks = plan.getTasks();
    List<Expanded> units = tasks.stream().map(taskUnits::expand).toList();
    Set<Integer> chosen = new LinkedHashSet<>();
    for (String unit : FEATURED_UNITS) {
      for (int i = 0; i < tasks.size(); i++) {
        Expanded expanded = units.get(i);
        if (small(expanded) && codes(expanded.reporters()).contains(unit)) {
          chosen.add(tasks.get(i).getNumber());
          break;
        }
      }
    }
    for (int i = 0; i < tasks.size(); i++) {
      if (units.get(i).needsAssignment() && units.get(i).unknown().isEmpty()) {
        chosen.add(tasks.get(i).getNumber());
        break;
      }
    }
    for (int i = 0; i < tasks.size() && chosen.size() < TASKS; i++) {
      if (small(units.get(i))) {
        chosen.add(tasks.get(i).getNumber());
      }
    }
    return new ArrayList<>(chosen);
  }

  private static boolean small(Expanded expanded) {
    return expanded.unknown().isEmpty()
        && !expanded.needsAssignment()
        && !expanded.reporters().isEmpty()
        && expanded.reporters().size() <= SMALL;
  }

  private static List<String> codes(List<Unit> units) {
    return units.stream().map(Unit::code).toList();
  }
}
