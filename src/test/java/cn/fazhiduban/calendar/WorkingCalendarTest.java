package cn.fazhiduban.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.fazhiduban.engine.EngineClock;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

class WorkingCalendarTest {

  /** The shipped calendar, read the way the application reads it. */
  private final WorkingCalendar calendar =
      new WorkingCalendar(new ClassPathResource("holidays.yaml"), new EngineClock());

  private static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void shippedCalendarCoversTwoYearsAndNamesTheNotices() {
    assertThat(calendar.covers(2025)).isTrue();
    assertThat(calendar.covers(2026)).isTrue();
    assertThat(calendar.year(2025).orElseThrow().source())
        .contains("国务院办公厅关于2025年部分节假日安排的通知")
        .contains("国办发明电〔2024〕12号");
    assertThat(calendar.year(2026).orElseThrow().source()).contains("国务院办公厅关于2026年部分节假日安排的通知");
    assertThat(calendar.coverageWarnings(date("2025-06-01"))).isEmpty();
  }

  @Test
  void nationalDay2026SkipsTheHolidaysAndCountsTheMakeUpSaturday() {
    LocalDate lastDayBefore = date("2026-09-30");

    assertThat(calendar.plusWorkingDays(lastDayBefore, 1)).isEqualTo("2026-10-08");
    assertThat(calendar.plusWorkingDays(lastDayBefore, 2)).isEqualTo("2026-10-09");
    assertThat(calendar.plusWorkingDays(lastDayBefore, 3)).isEqualTo("2026-10-10");
    assertThat(calendar.isWorkingDay(date("2026-10-10"))).as("周六调休上班").isTrue();
    assertThat(calendar.isWorkingDay(date("2026-10-03"))).isFalse();
    assertThat(calendar.isWorkingDay(date("2026-10-05"))).as("国庆假期中的周一").isFalse();
    assertThat(calendar.isWorkingDay(date("2026-09-20"))).as("周日调休上班").isTrue();
    assertThat(calendar.workingDaysBetween(lastDayBefore, date("2026-10-12"))).isEqualTo(4);
    assertThat(calendar.workingDaysBetween(date("2026-10-12"), lastDayBefore)).isEqualTo(-4);
  }

  @Test
  void midAutumn2026IsASeparateBreakFromNationalDay() {
    assertThat(calendar.isWorkingDay(date("2026-09-25"))).as("中秋，周五").isFalse();
    assertThat(calendar.plusWorkingDays(date("2026-09-24"), 1)).isEqualTo("2026-09-28");
  }

  @Test
  void springFestival2026() {
    assertThat(calendar.isWorkingDay(date("2026-02-14"))).as("周六调休上班").isTrue();
    assertThat(calendar.isWorkingDay(date("2026-02-16"))).isFalse();
    assertThat(calendar.isWorkingDay(date("2026-02-23"))).as("正月初七，周一").isFalse();
    assertThat(calendar.isWorkingDay(date("2026-02-28"))).as("周六调休上班").isTrue();
    assertThat(calendar.plusWorkingDays(date("2026-02-13"), 1)).isEqualTo("2026-02-14");
    assertThat(calendar.plusWorkingDays(date("2026-02-14"), 1)).isEqualTo("2026-02-24");
    assertThat(calendar.nextWorkingDay(date("2026-02-15"))).isEqualTo("2026-02-24");
    assertThat(calendar.workingDaysBetween(date("2026-02-13"), date("2026-02-28"))).isEqualTo(6);
  }

  @Test
  void nationalDayAndMidAutumn2025() {
    assertThat(calendar.isWorkingDay(date("2025-09-28"))).as("周日调休上班").isTrue();
    assertThat(calendar.isWorkingDay(date("2025-10-08"))).isFalse();
    assertThat(calendar.isWorkingDay(date("2025-10-11"))).as("周六调休上班").isTrue();
    assertThat(calendar.plusWorkingDays(date("2025-09-30"), 1)).isEqualTo("2025-10-09");
    assertThat(calendar.plusWorkingDays(date("2025-09-30"), 3)).isEqualTo("2025-10-11");
    assertThat(calendar.minusWorkingDays(date("2025-10-09"), 1)).isEqualTo("2025-09-30");
  }

  @Test
  void ordinaryWeekendsAreSkipped() {
    LocalDate friday = date("2026-03-13");

    assertThat(calendar.isWorkingDay(date("2026-03-14"))).isFalse();
    assertThat(calendar.plusWorkingDays(friday, 1)).isEqualTo("2026-03-16");
    assertThat(calendar.plusWorkingDays(friday, 5)).isEqualTo("2026-03-20");
    assertThat(calendar.minusWorkingDays(date("2026-03-16"), 1)).isEqualTo(friday);
    assertThat(calendar.workingDaysBetween(friday, date("2026-03-15"))).isZero();
    assertThat(calendar.workingDaysBetween(friday, friday)).isZero();
  }

  @Test
  void zeroWorkingDaysMeansTheDayItselfOrTheNearestWorkingDay() {
    assertThat(calendar.plusWorkingDays(date("2026-03-13"), 0)).isEqualTo("2026-03-13");
    assertThat(calendar.plusWorkingDays(date("2026-03-14"), 0)).isEqualTo("2026-03-16");
    assertThat(calendar.minusWorkingDays(date("2026-03-14"), 0)).isEqualTo("2026-03-13");
    assertThatThrownBy(() -> calendar.plusWorkingDays(date("2026-03-13"), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void plusAndMinusAreInverseOnWorkingDays() {
    for (LocalDate day = date("2025-01-01");
        day.isBefore(date("2027-01-01"));
        day = day.plusDays(1)) {
      if (calendar.isWorkingDay(day)) {
        LocalDate earlier = calendar.minusWorkingDays(day, 3);
        assertThat(calendar.plusWorkingDays(earlier, 3)).as("%s", day).isEqualTo(day);
        assertThat(calendar.workingDaysBetween(earlier, day)).as("%s", day).isEqualTo(3);
      }
    }
  }

  @Nested
  class YearNotCovered {

    private final WorkingCalendar only2025 =
        WorkingCalendar.of(
            Map.of(2025, new YearCalendar("测试", Set.of(date("2025-10-01")), Set.of())));

    @Test
    void warnsInChineseForThisYearAndTheNext() {
      assertThat(only2025.covers(2026)).isFalse();
      assertThat(only2025.coverageWarnings(date("2025-11-20")))
          .containsExactly(
              "节假日日历未包含 2026 年：该年按周一至周五计算工作日，法定节假日和调休不会被考虑。" + "请在 holidays.yaml 中补充国务院办公厅公布的安排。");
      assertThat(only2025.coverageWarnings(date("2027-01-04"))).hasSize(2);
    }

    @Test
    void countsMondayToFridayAndLogsOncePerYear() {
      ListAppender<ILoggingEvent> logged = captureLog();
      try {
        assertThat(only2025.isWorkingDay(date("2026-10-01"))).as("国庆，但 2026 年未配置").isTrue();
        assertThat(only2025.isWorkingDay(date("2026-10-10"))).as("调休周六，但 2026 年未配置").isFalse();
        assertThat(only2025.plusWorkingDays(date("2026-09-30"), 1)).isEqualTo("2026-10-01");
        assertThat(only2025.isWorkingDay(date("2025-10-01"))).isFalse();

        assertThat(logged.list)
            .singleElement()
            .satisfies(
                event -> {
                  assertThat(event.getLevel()).isEqualTo(Level.WARN);
                  assertThat(event.getFormattedMessage())
                      .contains("节假日日历未包含 2026 年")
                      .contains("按周一至周五");
                });
      } finally {
        ((Logger) LoggerFactory.getLogger(WorkingCalendar.class)).detachAppender(logged);
      }
    }

    private ListAppender<ILoggingEvent> captureLog() {
      ListAppender<ILoggingEvent> appender = new ListAppender<>();
      appender.start();
      ((Logger) LoggerFactory.getLogger(WorkingCalendar.class)).addAppender(appender);
      return appender;
    }
  }

  @Nested
  class HolidayFileErrors {

    private WorkingCalendar read(String yaml) {
      return new WorkingCalendar(
          new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "test yaml"),
          new EngineClock());
    }

    @Test
    void readsSingleDatesRangesAndQuotedDates() {
      WorkingCalendar read =
          read(
              """
          years:
            2030:
              source: 测试
              holidays: [2030-01-01, "2030-02-04..2030-02-06"]
              workdays: ["2030-02-09"]
          """);

      assertThat(read.year(2030).orElseThrow().holidays()).hasSize(4);
      assertThat(read.isWorkingDay(date("2030-02-05"))).isFalse();
      assertThat(read.isWorkingDay(date("2030-02-09"))).isTrue();
    }

    @Test
    void rejectsAWorkdayThatIsNotAWeekendDay() {
      assertThatThrownBy(
              () ->
                  read(
                      """
          years:
            2030:
              source: 测试
              workdays: [2030-02-08]
          """))
          .hasMessageContaining("2030-02-08 不是周六或周日");
    }

    @Test
    void rejectsAYearWithoutSource() {
      assertThatThrownBy(
              () ->
                  read(
                      """
          years:
            2030:
              holidays: [2030-01-01]
          """))
          .hasMessageContaining("未注明 source");
    }

    @Test
    void rejectsADateUnderTheWrongYear() {
      assertThatThrownBy(
              () ->
                  read(
                      """
          years:
            2030:
              source: 测试
              holidays: [2031-01-01]
          """))
          .hasMessageContaining("2031-01-01 列在 2030 年之下");
    }

    @Test
    void rejectsABackwardRange() {
      assertThatThrownBy(
              () ->
                  read(
                      """
          years:
            2030:
              source: 测试
              holidays: ["2030-02-06..2030-02-04"]
          """))
          .hasMessageContaining("结束早于开始");
    }
  }
}
