package cn.fazhiduban.plan.parse;

import cn.fazhiduban.plan.parse.ParsedPlan.Milestone;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds deadlines in a task's text.
 *
 * <p>Understood: {@code 2023年9月30日前} (that day); {@code 2024年6月底前}, {@code 2024年6月前}, {@code
 * 2024年6月} (end of month; 上旬 the 10th, 中旬 the 20th); {@code 2023年上半年} (06-30), {@code 下半年}/{@code
 * 前三季度}, {@code 第一季度} (quarter end); {@code 到2022年底}, {@code 2025年年底前}, {@code 2025年前} (12-31); a
 * bare year only after 到/至/截至/力争 ({@code 到2035年基本建成} → 2035-12-31). Without a year ({@code 12月底前},
 * {@code 6月30日前}, {@code 年底前}) the plan's year is used. Not deadlines: anything after 每 ({@code
 * 每年12月底前}), years inside 《》 titles, and year ranges such as {@code 2021—2025年}.
 *
 * <p>A milestone's text runs from the start of the comma clause holding the date to the end of its
 * sentence, without the closing punctuation.
 */
final class MilestoneExtractor {

  private static final String Y = "(\\d{4})\\s*年\\s*";
  private static final Pattern DATE =
      Pattern.compile(
          "(?<ymd>"
              + Y
              + "(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号])"
              + "|(?<ypart>"
              + Y
              + "度?(上半年|下半年|前三季度|第?[一二三四1-4]季度))"
              + "|(?<ym>"
              + Y
              + "(\\d{1,2})\\s*月份?(上旬|中旬|下旬|底|末)?(?!起|以来|开始))"
              + "|(?<yend>"
              + Y
              + "[年度]?[底末])"
              + "|(?<ybefore>"
              + Y
              + "(?:以前|之前|前))"
              + "|(?<ybare>(?<=到|至|截至|截止|力争|争取)(\\d{4})\\s*年(?![以起开初来度]))"
              + "|(?<md>(?<![\\d年])(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号](?=以前|之前|前))"
              + "|(?<mend>(?<![\\d年])(\\d{1,2})\\s*月份?(?:[底末](?:以前|之前|前)?|以前|之前|前))"
              + "|(?<yearend>(?<![\\d年])年[底末](?:以前|之前|前)?)");

  /** Text whose dates are no deadlines: book titles and plan periods. */
  private static final Pattern MASKED =
      Pattern.compile("《[^《》]*》|\\d{4}\\s*[—–\\-－~～]+\\s*\\d{4}\\s*年?");

  /** Milestone texts are stored in columns of 2000 characters. */
  private static final int MAX_TEXT = 2000;

  private static final String CLAUSE_START = "，,。；;！!？?：:";
  private static final String SENTENCE_END = "。；;！!？?";

  private final int planYear;

  MilestoneExtractor(int planYear) {
    this.planYear = planYear;
  }

  List<Milestone> extract(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    String masked = mask(text);
    Set<Milestone> found = new LinkedHashSet<>();
    Matcher m = DATE.matcher(masked);
    while (m.find()) {
      if (recurring(masked, m.start())) {
        continue;
      }
      LocalDate due = due(m);
      if (due != null) {
        found.add(new Milestone(due, Texts.limit(clause(text, m.start(), m.end()), MAX_TEXT)));
      }
    }
    return new ArrayList<>(found);
  }

  private static String mask(String text) {
    StringBuilder s = new StringBuilder(text);
    Matcher m = MASKED.matcher(text);
    while (m.find()) {
      for (int i = m.start(); i < m.end(); i++) {
        s.setCharAt(i, '※');
      }
    }
    return s.toString();
  }

  /** 每年12月底前, 每季度 … repeat; they are no single milestone. */
  private static boolean recurring(String text, int start) {
    int from = Math.max(0, start - 2);
    return text.substring(from, start).contains("每");
  }

  private LocalDate due(Matcher m) {
    try {
      if (m.group("ymd") != null) {
        return LocalDate.of(
            year(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
      }
      if (m.group("ypart") != null) {
        return partOfYear(year(m.group(6)), m.group(7));
      }
      if (m.group("ym") != null) {
        return withinMonth(year(m.group(9)), Integer.parseInt(m.group(10)), m.group(11));
      }
      if (m.group("yend") != null) {
        return endOfYear(year(m.group(13)));
      }
      if (m.group("ybefore") != null) {
        return endOfYear(year(m.group(15)));
      }
      if (m.group("ybare") != null) {
        return endOfYear(year(m.group(17)));
      }
      if (m.group("md") != null) {
        return LocalDate.of(planYear, Integer.parseInt(m.group(19)), Integer.parseInt(m.group(20)));
      }
      if (m.group("mend") != null) {
        return YearMonth.of(planYear, Integer.parseInt(m.group(22))).atEndOfMonth();
      }
      return LocalDate.of(planYear, 12, 31); // yearend: 年底前 in the plan's year
    } catch (DateTimeException | IllegalArgumentException e) {
      return null; // 2023年13月 and the like: not a date
    }
  }

  private static int year(String digits) {
    int year = Integer.parseInt(digits);
    if (year < 2000 || year > 2100) {
      throw new IllegalArgumentException("year out of range");
    }
    return year;
  }

  private static LocalDate endOfYear(int year) {
    return LocalDate.of(year, 12, 31);
  }

  private static LocalDate partOfYear(int year, String part) {
    return switch (part.replace("第", "")) {
      case "上半年" -> LocalDate.of(year, 6, 30);
      case "下半年", "四季度", "4季度" -> LocalDate.of(year, 12, 31);
      case "前三季度", "三季度", "3季度" -> LocalDate.of(year, 9, 30);
      case "二季度", "2季度" -> LocalDate.of(year, 6, 30);
      default -> LocalDate.of(year, 3, 31); // 一季度
    };
  }

  private static LocalDate withinMonth(int year, int month, String when) {
    YearMonth ym = YearMonth.of(year, month);
    if (when == null) {
      return ym.atEndOfMonth();
    }
    return switch (when) {
      case "上旬" -> ym.atDay(10);
      case "中旬" -> ym.atDay(20);
      default -> ym.atEndOfMonth();
    };
  }

  private static String clause(String text, int dateStart, int dateEnd) {
    int start = dateStart;
    while (start > 0 && CLAUSE_START.indexOf(text.charAt(start - 1)) < 0) {
      start--;
    }
    int end = dateEnd;
    while (end < text.length() && SENTENCE_END.indexOf(text.charAt(end)) < 0) {
      end++;
    }
    return Texts.stripTrailing(text.substring(start, end), "。；;！!？?，,");
  }
}
