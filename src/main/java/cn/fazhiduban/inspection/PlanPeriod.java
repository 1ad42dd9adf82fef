package cn.fazhiduban.inspection;

import cn.fazhiduban.plan.Plan;
import cn.fazhiduban.plan.PlanMilestone;
import cn.fazhiduban.plan.PlanTask;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.IntSummaryStatistics;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plan's period, within which every unit must be inspected once: the years in its title
 * (任务分解方案（2021—2025年） → 2021-01-01 … 2025-12-31); failing that, the years of its tasks' milestones;
 * failing that, five years from the year it was issued (a 五年规划's span).
 */
record PlanPeriod(LocalDate from, LocalDate to, String source) {

  private static final Pattern YEARS =
      Pattern.compile("((?:19|20)\\d{2})\\s*年?\\s*[—–\\-－~～至到]+\\s*((?:19|20)\\d{2})");

  static PlanPeriod of(Plan plan) {
    Matcher years = YEARS.matcher(plan.getTitle() == null ? "" : plan.getTitle());
    if (years.find()) {
      int first = Integer.parseInt(years.group(1));
      int last = Integer.parseInt(years.group(2));
      if (first <= last) {
        return new PlanPeriod(LocalDate.of(first, 1, 1), LocalDate.of(last, 12, 31), "title");
      }
    }
    IntSummaryStatistics milestones =
        plan.getTasks().stream()
            .map(PlanTask::getMilestones)
            .flatMap(java.util.List::stream)
            .map(PlanMilestone::getDue)
            .mapToInt(LocalDate::getYear)
            .summaryStatistics();
    if (milestones.getCount() > 0) {
      return new PlanPeriod(
          LocalDate.of(milestones.getMin(), 1, 1),
          LocalDate.of(milestones.getMax(), 12, 31),
          "milestones");
    }
    int issued =
        plan.getIssuedOn() != null
            ? plan.getIssuedOn().getYear()
            : plan.getImportedAt().atZone(cn.fazhiduban.engine.EngineClock.ZONE).getYear();
    return new PlanPeriod(LocalDate.of(issued, 1, 1), LocalDate.of(issued + 4, 12, 31), "issued");
  }

  boolean contains(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }

  /** Days from today to the period's last day, 0 once it has passed. */
  long daysLeft(LocalDate today) {
    return Math.max(0, ChronoUnit.DAYS.between(today, to));
  }

  long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  /** Less than a quarter of the period is left (or none): an uncovered unit is red. */
  boolean lastQuarter(LocalDate today) {
    return daysLeft(today) * 4 < days();
  }
}
