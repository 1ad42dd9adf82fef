package cn.fazhiduban.escalation;

import cn.fazhiduban.calendar.WorkingCalendar;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Timer values for the supervision models, e.g. {@code ${escalationTimers.reminderAt(reportDue)}}.
 * Times are Beijing time and "now" is the engine's clock, so process tests can move it.
 */
@Component("escalationTimers")
public class EscalationTimers {

  /** End of the office day: a deadline given as a date falls due at this time. */
  static final LocalTime END_OF_WORKING_DAY = LocalTime.of(18, 0);

  private static final DateTimeFormatter ISO_WITH_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  private final WorkingCalendar calendar;
  private final int reminderWorkingDays;

  EscalationTimers(WorkingCalendar calendar,
                   @Value("${duban.escalation.reminder-working-days:3}") int reminderWorkingDays) {
    if (reminderWorkingDays < 0) {
      throw new IllegalArgumentException("duban.escalation.reminder-working-days 不能为负数：" + reminderWorkingDays);
    }
    this.calendar = calendar;
    this.reminderWorkingDays = reminderWorkingDays;
  }

  /**
   * The reminder moment: the configured number of working days before {@code due}, at the due's time of day.
   * When that moment has passed (or the work is already overdue) the reminder is due now.
   */
  public Date reminderAt(Date due) {
    ZonedDateTime dueAt = beijing(due);
    LocalDate day = calendar.minusWorkingDays(dueAt.toLocalDate(), reminderWorkingDays);
    Date reminder = Date.from(dueAt.with(day).toInstant());
    Date now = ClockUtil.getCurrentTime();
    return reminder.before(now) ? now : reminder;
  }

  /**
   * A timer cycle that fires at {@code due} and then every day at the same time, e.g.
   * {@code R/2026-12-31T18:00:00+08:00/P1D}. Fractions of a second are dropped. Work that is already overdue when its
   * task is created (a report returned after the due date) starts its cycle a second from now, not at tomorrow's tick.
   */
  public String overdueCycle(Date due) {
    ZonedDateTime start = beijing(due).truncatedTo(ChronoUnit.SECONDS);
    ZonedDateTime soon = beijing(ClockUtil.getCurrentTime()).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    return "R/" + (start.isBefore(soon) ? soon : start).format(ISO_WITH_OFFSET) + "/P1D";
  }

  /** The deadline moment for a deadline given as a day (整改期限): 18:00 Beijing time on it, or on the next working day. */
  public Date dueAtEndOfWorkingDay(LocalDate date) {
    return Date.from(calendar.nextWorkingDay(date).atTime(END_OF_WORKING_DAY).atZone(WorkingCalendar.ZONE).toInstant());
  }

  private static ZonedDateTime beijing(Date moment) {
    Objects.requireNonNull(moment, "督办期限未设置");
    return moment.toInstant().atZone(WorkingCalendar.ZONE);
  }
}
