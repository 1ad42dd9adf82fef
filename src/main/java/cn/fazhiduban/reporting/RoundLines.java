package cn.fazhiduban.reporting;

import cn.fazhiduban.calendar.WorkingCalendar;
import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.reporting.ReportingData.ItemRow;
import cn.fazhiduban.supervision.SupervisionProperties;
import cn.fazhiduban.supervision.Viewer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The work items of a round as reports show them: with their plan text, lead units, newest report
 * and opinion, the 红黄绿灯 and the working days overdue. Limited to what the viewer may see.
 */
@Component
class RoundLines {

  /** Statuses in which the unit owes work; past the due date such an item is overdue. */
  static final Set<String> AWAITING_UNIT = Set.of("ASSIGNED", "RETURNED", "RECTIFYING");

  static final List<String> STATUSES =
      List.of("ASSIGNED", "REPORTED", "RETURNED", "APPROVED", "RECTIFYING", "CLOSED");

  static final Map<String, String> STATUS_NAMES =
      Map.of(
          "ASSIGNED",
          "待报送",
          "REPORTED",
          "已报送",
          "RETURNED",
          "被退回",
          "APPROVED",
          "审核通过",
          "RECTIFYING",
          "整改中",
          "CLOSED",
          "已办结",
          "CANCELLED",
          "已取消");

  static final Map<String, String> LIGHT_NAMES = Map.of("green", "绿灯", "yellow", "黄灯", "red", "红灯");

  /**
   * {@code overdue}: the unit owes the work and its due time has passed (even by less than a
   * working day).
   */
  record Line(
      ItemRow item,
      List<String> leadUnits,
      String latestReport,
      String latestOpinion,
      String light,
      boolean overdue,
      int workingDaysOverdue) {}

  private final ReportingData data;
  private final WorkingCalendar calendar;
  private final EngineClock clock;
  private final Duration warningWindow;

  RoundLines(
      ReportingData data,
      WorkingCalendar calendar,
      EngineClock clock,
      SupervisionProperties supervision) {
    this.data = data;
    this.calendar = calendar;
    this.clock = clock;
    this.warningWindow = Duration.ofDays(supervision.warningDays());
  }

  List<Line> of(long roundId, Viewer viewer) {
    Instant now = clock.now();
    Map<Integer, List<String>> leads = data.leadUnits(roundId);
    Map<Long, String> reports = data.latestReports(roundId);
    Map<Long, String> opinions = data.latestOpinions(roundId);
    return data.items(roundId).stream()
        .filter(item -> viewer.sees(item.unitCode()))
        .map(
            item ->
                new Line(
                    item,
                    leads.getOrDefault(item.taskNo(), List.of()),
                    reports.get(item.id()),
                    opinions.get(item.id()),
                    light(item, now),
                    AWAITING_UNIT.contains(item.status()) && now.isAfter(item.dueAt()),
                    overdueDays(item, now)))
        .toList();
  }

  /** 红黄绿灯: red overdue or escalated, yellow due within the warning window, green on track. */
  String light(ItemRow item, Instant now) {
    if (item.escalationLevel() != null && !"CLOSED".equals(item.status())) {
      return "red";
    }
    if (!AWAITING_UNIT.contains(item.status())) {
      return "green";
    }
    if (now.isAfter(item.dueAt())) {
      return "red";
    }
    return now.plus(warningWindow).isAfter(item.dueAt()) ? "yellow" : "green";
  }

  static String worst(String a, String b) {
    return rank(b) > rank(a) ? b : a;
  }

  private static int rank(String light) {
    return switch (light) {
      case "red" -> 2;
      case "yellow" -> 1;
      default -> 0;
    };
  }

  private int overdueDays(ItemRow item, Instant now) {
    if (!AWAITING_UNIT.contains(item.status()) || !now.isAfter(item.dueAt())) {
      return 0;
    }
    return Math.max(
        0,
        calendar.workingDaysBetween(
            item.dueAt().atZone(EngineClock.ZONE).toLocalDate(),
            now.atZone(EngineClock.ZONE).toLocalDate()));
  }
}
