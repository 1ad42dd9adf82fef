package cn.fazhiduban.calendar;

import cn.fazhiduban.engine.EngineClock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Working days on the Chinese calendar: statutory holidays are days off, 调休 weekend days are
 * working days, other days follow Monday to Friday. The arrangement is configuration, one entry per
 * year ({@code duban.calendar.location}, default {@code classpath:holidays.yaml}); a year without
 * an entry is counted Monday to Friday, with a warning in the log.
 */
@Component
public class WorkingCalendar {

  private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);

  /** The district's time zone: due dates, working days and notices are all Beijing time. */
  public static final ZoneId ZONE = EngineClock.ZONE;

  private final Map<Integer, YearCalendar> years;
  private final Set<LocalDate> holidays = new HashSet<>();
  private final Set<LocalDate> workdays = new HashSet<>();
  private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();
  private EngineClock clock = new EngineClock();

  @Autowired
  WorkingCalendar(CalendarProperties properties, EngineClock clock) {
    this(properties.location(), clock);
  }

  WorkingCalendar(Resource location, EngineClock clock) {
    this(HolidayFile.read(location));
    this.clock = clock;
  }

  private WorkingCalendar(Map<Integer, YearCalendar> years) {
    this.years = Map.copyOf(years);
    years
        .values()
        .forEach(
            year -> {
              holidays.addAll(year.holidays());
              workdays.addAll(year.workdays());
            });
    Set<LocalDate> both = new HashSet<>(holidays);
    both.retainAll(workdays);
    if (!both.isEmpty()) {
      throw new IllegalStateException("节假日日历有误：" + both + " 既是放假日又是调休上班日");
    }
  }

  /** A calendar from already parsed years, for tests and tools that need no Spring. */
  public static WorkingCalendar of(Map<Integer, YearCalendar> years) {
    return new WorkingCalendar(years);
  }

  public boolean covers(int year) {
    return years.containsKey(year);
  }

  /**
   * The configured arrangement for {@code year}, with its source; empty when the year is not
   * covered.
   */
  public Optional<YearCalendar> year(int year) {
    return Optional.ofNullable(years.get(year));
  }

  public boolean isWorkingDay(LocalDate date) {
    if (workdays.contains(date)) {
      return true;
    }
    if (holidays.contains(date)) {
      return false;
    }
    if (!covers(date.getYear()) && warnedYears.add(date.getYear())) {
      log.warn(uncovered(date.getYear()));
    }
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
  }

  /** The first working day on or after {@code date}. */
  public LocalDate nextWorkingDay(LocalDate date) {
    LocalDate day = date;
    while (!isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    return day;
  }

  /**
   * The {@code n}-th working day after {@code date}, so that {@code workingDaysBetween(date,
   * result) == n}; for {@code n == 0} the first working day on or after {@code date}.
   */
  public LocalDate plusWorkingDays(LocalDate date, int n) {
    requireNotNegative(n);
    if (n == 0) {
      return nextWorkingDay(date);
    }
    LocalDate day = date;
    for (int counted = 0; counted < n; ) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /**
   * The {@code n}-th working day before {@code date}, so that {@code plusWorkingDays(result, n) ==
   * date} when {@code date} is a working day; for {@code n == 0} the last working day on or before
   * {@code date}.
   */
  public LocalDate minusWorkingDays(LocalDate date, int n) {
    requireNotNegative(n);
    LocalDate day = date;
    if (n == 0) {
      while (!isWorkingDay(day)) {
        day = day.minusDays(1);
      }
      return day;
    }
    for (int counted = 0; counted < n; ) {
      day = day.minusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /**
   * The number of working days d with {@code from < d <= to}; negative, mirrored, when {@code to}
   * is before {@code from}.
   */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      return -workingDaysBetween(to, from);
    }
    int count = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }

  /** A warning for this year and the next when the calendar has no arrangement for them. */
  public List<String> coverageWarnings(LocalDate today) {
    return uncoveredYears(today).stream().map(WorkingCalendar::uncovered).toList();
  }

  @EventListener(ApplicationReadyEvent.class)
  void warnAboutCoverage() {
    for (int year : uncoveredYears(clock.today())) {
      warnedYears.add(year);
      log.warn(uncovered(year));
    }
  }

  private List<Integer> uncoveredYears(LocalDate today) {
    return IntStream.rangeClosed(today.getYear(), today.getYear() + 1)
        .filter(year -> !covers(year))
        .boxed()
        .toList();
  }

  private static String uncovered(int year) {
    return "节假日日历未包含 "
        + year
        + " 年：该年按周一至周五计算工作日，法定节假日和调休不会被考虑。"
        + "请在 holidays.yaml 中补充国务院办公厅公布的安排。";
  }

  private static void requireNotNegative(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("工作日天数不能为负数：" + n);
    }
  }
}
