package cn.fazhiduban.supervision;

import cn.fazhiduban.calendar.WorkingCalendar;
import cn.fazhiduban.engine.EngineClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Due dates and timer values of a unit's report and rectification tasks, e.g. {@code
 * ${supervisionTimers.reminderAt(execution)}}. The due date is the work item's, never a process
 * variable a completion could move. Times are Beijing time and "now" is the engine's clock, so
 * process tests can move it.
 */
@Component("supervisionTimers")
public class SupervisionTimers {

  /** End of the office day: a deadline given as a date falls due at this time. */
  static final LocalTime END_OF_WORKING_DAY = LocalTime.of(18, 0);

  private static final DateTimeFormatter ISO_WITH_OFFSET =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  private final WorkingCalendar calendar;
  private final EngineClock clock;
  private final int reminderWorkingDays;
  private final WorkItemScopes scopes;

  SupervisionTimers(
      WorkingCalendar calendar,
      EngineClock clock,
      SupervisionProperties properties,
      WorkItemScopes scopes) {
    this.calendar = calendar;
    this.clock = clock;
    this.reminderWorkingDays = properties.reminderWorkingDays();
    this.scopes = scopes;
  }

  /** When the unit's open work is due: the report's due date, or the rectification's. */
  public Date dueAt(DelegateExecution execution) {
    return Date.from(scopes.of(execution).getDueAt());
  }

  public Date reminderAt(DelegateExecution execution) {
    return reminderAt(dueAt(execution));
  }

  public String overdueCycle(DelegateExecution execution) {
    return overdueCycle(dueAt(execution));
  }

  /**
   * The reminder moment: the configured number of working days before {@code due}, at the due's
   * time of day. When that moment has passed (or the work is already overdue) the reminder is due
   * now.
   */
  public Date reminderAt(Date due) {
    ZonedDateTime dueAt = beijing(due);
    LocalDate day = calendar.minusWorkingDays(dueAt.toLocalDate(), reminderWorkingDays);
    Date reminder = Date.from(dueAt.with(day).toInstant());
    Date now = clock.nowAsDate();
    return reminder.before(now) ? now : reminder;
  }

  /**
   * A timer cycle that fires at {@code due} and then every day at the same time, e.g. {@code
   * R/2026-12-31T18:00:00+08:00/P1D}. Fractions of a second are dropped. Work that is already
   * overdue when its task is created (a report returned after the due date) starts its cycle a
   * second from now, not at tomorrow's tick.
   */
  public String overdueCycle(Date due) {
    ZonedDateTime start = beijing(due).truncatedTo(ChronoUnit.SECONDS);
    ZonedDateTime soon = clock.zonedNow().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    return "R/" + (start.isBefore(soon) ? soon : start).format(ISO_WITH_OFFSET) + "/P1D";
  }

  /**
   * The deadline moment for a deadline given as a day (整改期限): 18:00 Beijing time on it, or on the
   * next working day.
   */
  public Instant dueAtEndOfWorkingDay(LocalDate date) {
    return calendar
        .nextWorkingDay(date)
        .atTime(END_OF_WORKING_DAY)
        .atZone(EngineClock.ZONE)
        .toInstant();
  }

  private static ZonedDateTime beijing(Date moment) {
    Objects.requireNonNull(moment, "督办期限未设置");
    return moment.toInstant().atZone(EngineClock.ZONE);
  }
}
