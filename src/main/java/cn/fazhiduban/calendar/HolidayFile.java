package cn.fazhiduban.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads holidays.yaml (format described in the file's header) and rejects anything that would
 * miscount days.
 */
final class HolidayFile {

  private static final String RANGE = "..";

  private HolidayFile() {}

  static Map<Integer, YearCalendar> read(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return parse(
          new Yaml(new SafeConstructor(new LoaderOptions())).load(in), resource.getDescription());
    } catch (IOException e) {
      throw new IllegalStateException("节假日日历无法读取：" + resource.getDescription(), e);
    }
  }

  static Map<Integer, YearCalendar> parse(Object document, String origin) {
    if (!(document instanceof Map<?, ?> root) || !(root.get("years") instanceof Map<?, ?> years)) {
      throw invalid(origin, "缺少 years");
    }
    Map<Integer, YearCalendar> result = new TreeMap<>();
    for (Map.Entry<?, ?> entry : years.entrySet()) {
      int year = year(entry.getKey(), origin);
      if (!(entry.getValue() instanceof Map<?, ?> body)) {
        throw invalid(origin, year + " 年的内容不是映射");
      }
      result.put(year, yearCalendar(year, body, origin));
    }
    return result;
  }

  private static YearCalendar yearCalendar(int year, Map<?, ?> body, String origin) {
    if (!(body.get("source") instanceof String source) || source.isBlank()) {
      throw invalid(origin, year + " 年未注明 source（安排所依据的通知）");
    }
    Set<LocalDate> holidays = new HashSet<>();
    for (Object item : list(body.get("holidays"), year, "holidays", origin)) {
      holidays.addAll(dates(item, year, origin));
    }
    Set<LocalDate> workdays = new HashSet<>();
    for (Object item : list(body.get("workdays"), year, "workdays", origin)) {
      LocalDate day = date(item, year, origin);
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
        throw invalid(origin, year + " 年 workdays 中的 " + day + " 不是周六或周日");
      }
      workdays.add(day);
    }
    for (LocalDate day : workdays) {
      if (holidays.contains(day)) {
        throw invalid(origin, day + " 同时列在 holidays 和 workdays 中");
      }
    }
    return new YearCalendar(source.strip(), holidays, workdays);
  }

  private static int year(Object key, String origin) {
    if (key instanceof Integer year) {
      return year;
    }
    try {
      return Integer.parseInt(String.valueOf(key).strip());
    } catch (NumberFormatException e) {
      throw invalid(origin, "年份“" + key + "”不是数字");
    }
  }

  private static List<?> list(Object value, int year, String field, String origin) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return list;
    }
    throw invalid(origin, year + " 年的 " + field + " 应为列表");
  }

  private static List<LocalDate> dates(Object item, int year, String origin) {
    if (item instanceof String text && text.contains(RANGE)) {
      int at = text.indexOf(RANGE);
      LocalDate first = date(text.substring(0, at), year, origin);
      LocalDate last = date(text.substring(at + RANGE.length()), year, origin);
      if (last.isBefore(first)) {
        throw invalid(origin, "日期范围“" + text + "”的结束早于开始");
      }
      return first.datesUntil(last.plusDays(1)).toList();
    }
    return List.of(date(item, year, origin));
  }

  private static LocalDate date(Object item, int year, String origin) {
    LocalDate day;
    if (item instanceof Date timestamp) {
      // SnakeYAML reads an unquoted 2026-10-01 as a timestamp at midnight UTC.
      day = timestamp.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    } else {
      try {
        day = LocalDate.parse(String.valueOf(item).strip());
      } catch (DateTimeParseException e) {
        throw invalid(origin, "“" + item + "”不是 yyyy-MM-dd 格式的日期");
      }
    }
    // A notice may start the New Year's Day break, or its make-up working day, in the last days of
    // the year before.
    if (day.getYear() != year && day.getYear() != year - 1) {
      throw invalid(origin, day + " 列在 " + year + " 年之下");
    }
    return day;
  }

  private static IllegalStateException invalid(String origin, String problem) {
    return new IllegalStateException("节假日日历 " + origin + " 有误：" + problem);
  }
}
