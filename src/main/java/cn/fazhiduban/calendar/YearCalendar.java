package cn.fazhiduban.calendar;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * One year of the holiday arrangement: the days off ({@code holidays}) and the weekend days worked
 * instead (调休 {@code workdays}), with the notice they come from.
 */
public record YearCalendar(String source, Set<LocalDate> holidays, Set<LocalDate> workdays) {

  public YearCalendar {
    Objects.requireNonNull(source, "source");
    holidays = Set.copyOf(holidays);
    workdays = Set.copyOf(workdays);
  }
}
