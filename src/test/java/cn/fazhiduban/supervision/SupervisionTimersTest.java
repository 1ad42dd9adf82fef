package cn.fazhiduban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.calendar.WorkingCalendar;
import cn.fazhiduban.calendar.YearCalendar;
import cn.fazhiduban.engine.EngineClock;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SupervisionTimersTest {

  /** 国庆 2026 as published: 10/1–10/7 off, Sunday 9/20 and Saturday 10/10 worked. */
  private static final WorkingCalendar CALENDAR =
      WorkingCalendar.of(
          Map.of(
              2026,
              new YearCalendar(
                  "《国务院办公厅关于2026年部分节假日安排的通知》",
                  LocalDate.parse("2026-10-01")
                      .datesUntil(LocalDate.parse("2026-10-08"))
                      .collect(Collectors.toSet()),
                  Stream.of("2026-09-20", "2026-10-10")
                      .map(LocalDate::parse)
                      .collect(Collectors.toSet()))));

  private final SupervisionTimers timers = timers(3);

  private static SupervisionTimers timers(int reminderWorkingDays) {
    return new SupervisionTimers(
        CALENDAR, new EngineClock(), new SupervisionProperties(3, reminderWorkingDays), null);
  }

  private static Date beijing(String localDateTime) {
    return Date.from(OffsetDateTime.parse(localDateTime + "+08:00").toInstant());
  }

  @AfterEach
  void resetEngineClock() {
    ClockUtil.reset();
  }

  @Test
  void reminderComesThreeWorkingDaysBeforeTheDueAcrossTheHoliday() {
    ClockUtil.setCurrentTime(beijing("2026-09-01T09:00:00"));

    assertThat(timers.reminderAt(beijing("2026-10-09T18:00:00")))
        .isEqualTo(beijing("2026-09-29T18:00:00"));
    assertThat(timers.reminderAt(beijing("2026-10-12T10:30:00")))
        .as("counts Saturday 10/10, a 调休 working day")
        .isEqualTo(beijing("2026-10-08T10:30:00"));
  }

  @Test
  void reminderDaysAreConfigurable() {
    ClockUtil.setCurrentTime(beijing("2026-09-01T09:00:00"));

    assertThat(timers(1).reminderAt(beijing("2026-10-08T18:00:00")))
        .isEqualTo(beijing("2026-09-30T18:00:00"));
    try (var factory = Validation.buildDefaultValidatorFactory()) {
      Validator validator = factory.getValidator();
      assertThat(validator.validate(new SupervisionProperties(3, -1)))
          .as("negative reminder days")
          .hasSize(1);
      assertThat(validator.validate(new SupervisionProperties(3, 3))).isEmpty();
    }
  }

  @Test
  void aReminderWhoseMomentHasPassedIsDueNow() {
    Date now = beijing("2026-10-08T12:00:00");
    ClockUtil.setCurrentTime(now);

    assertThat(timers.reminderAt(beijing("2026-10-09T18:00:00"))).isEqualTo(now);
    assertThat(timers.reminderAt(beijing("2026-10-08T09:00:00")))
        .as("already overdue")
        .isEqualTo(now);
  }

  @Test
  void overdueCycleStartsAtTheDueInBeijingTimeAndRepeatsDaily() {
    Date due = Date.from(OffsetDateTime.parse("2026-12-31T10:00:00Z").toInstant());

    assertThat(timers.overdueCycle(due)).isEqualTo("R/2026-12-31T18:00:00+08:00/P1D");
  }

  @Test
  void camundaParsesTheOverdueCycle() throws Exception {
    Date due = beijing("2026-12-31T18:00:00");
    String cycle = timers.overdueCycle(due);

    ClockUtil.setCurrentTime(beijing("2026-12-01T09:00:00"));
    assertThat(new DurationHelper(cycle).getDateAfter()).isEqualTo(due);

    ClockUtil.setCurrentTime(due);
    assertThat(new DurationHelper(cycle).getDateAfter())
        .as("after the first firing")
        .isEqualTo(beijing("2027-01-01T18:00:00"));

    ClockUtil.setCurrentTime(beijing("2027-01-02T18:00:05"));
    assertThat(new DurationHelper(cycle).getDateAfter()).isEqualTo(beijing("2027-01-03T18:00:00"));
  }

  @Test
  void aDeadlineDayEndsAt18OnTheNextWorkingDay() {
    assertThat(timers.dueAtEndOfWorkingDay(LocalDate.parse("2026-10-03")))
        .isEqualTo(beijing("2026-10-08T18:00:00").toInstant());
    assertThat(timers.dueAtEndOfWorkingDay(LocalDate.parse("2026-10-10")))
        .isEqualTo(beijing("2026-10-10T18:00:00").toInstant());
    assertThat(timers.dueAtEndOfWorkingDay(LocalDate.parse("2026-09-29")))
        .isEqualTo(beijing("2026-09-29T18:00:00").toInstant());
  }
}
