package cn.fazhiduban.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the supervision record for reports with a few set-wise SQL queries (never one query per
 * work item), so that the whole-plan round of two thousand work items is read in a handful of round
 * trips. Read only.
 */
@Repository
class ReportingData {

  private final JdbcTemplate jdbc;

  ReportingData(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Which work items a report covers: one round, or every round whose reports fell due in a year.
   */
  record Period(Long roundId, Instant from, Instant to, String label) {

    String where() {
      return roundId != null ? "w.round_id = ?" : "r.report_due >= ? and r.report_due < ?";
    }

    Object[] args() {
      return roundId != null ? new Object[] {roundId} : new Object[] {at(from), at(to)};
    }
  }

  record RoundRow(
      long id,
      long planId,
      String label,
      Instant reportDue,
      String status,
      Instant openedAt,
      Instant closedAt) {}

  /** One work item as the 台账 shows it. */
  record ItemRow(
      long id,
      int taskNo,
      String chapter,
      String chapterTitle,
      String taskText,
      String unitCode,
      String unitName,
      String status,
      Instant dueAt,
      Instant reportedAt,
      String escalationLevel,
      String processInstanceId) {}

  /** What the score counts about one work item. */
  record ItemFacts(
      long id,
      String unitCode,
      String unitName,
      String status,
      Instant reportDue,
      Instant firstReportAt) {}

  record RectificationFacts(String unitCode, LocalDate deadline, Instant submittedAt) {}

  record EscalationRow(
      long id,
      long roundId,
      int taskNo,
      String unitCode,
      String unitName,
      String level,
      int daysOverdue,
      Instant since,
      String processInstanceId,
      String workItemInstanceId,
      String status,
      String closedBy) {}

  List<RoundRow> rounds() {
    return jdbc.query(
        "select id, plan_id, label, report_due, status, opened_at, closed_at from supervision_round"
            + " order by opened_at desc, id desc",
        (rs, i) ->
            new RoundRow(
                rs.getLong("id"),
                rs.getLong("plan_id"),
                rs.getString("label"),
                instant(rs, "report_due"),
                rs.getString("status"),
                instant(rs, "opened_at"),
                instant(rs, "closed_at")));
  }

  List<ItemRow> items(long roundId) {
    return jdbc.query(
        """
        select w.id, w.task_no, w.unit_code, w.unit_name, w.status, w.due_at, w.reported_at, w.escalation_level,
               w.process_instance_id, t.chapter, t.text,
               (select max(c.title) from plan_chapter c where c.plan_id = t.plan_id and c.number = t.chapter) chapter_title
        from work_item w
        join round_task rt on rt.id = w.round_task_id
        join plan_task t on t.id = rt.plan_task_id
        where w.round_id = ? and w.status <> 'CANCELLED'
        order by w.task_no, w.id""",
        (rs, i) ->
            new ItemRow(
                rs.getLong("id"),
                rs.getInt("task_no"),
                rs.getString("chapter"),
                rs.getString("chapter_title"),
                rs.getString("text"),
                rs.getString("unit_code"),
                rs.getString("unit_name"),
                rs.getString("status"),
                instant(rs, "due_at"),
                instant(rs, "reported_at"),
                rs.getString("escalation_level"),
                rs.getString("process_instance_id")),
        roundId);
  }

  /** The lead units of the round's tasks as the plan names them, by task number. */
  Map<Integer, List<String>> leadUnits(long roundId) {
    Map<Integer, List<String>> leads = new HashMap<>();
    jdbc.query(
        """
        select rt.task_no, u.canonical_name from round_task rt
        join plan_task_unit u on u.task_id = rt.plan_task_id
        where rt.round_id = ? and u.role = 'LEAD' order by rt.task_no, u.ordinal""",
        rs -> {
          leads.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(rs.getString(2));
        },
        roundId);
    return leads;
  }

  /** The newest report text of each work item of the round. */
  Map<Long, String> latestReports(long roundId) {
    Map<Long, String> latest = new HashMap<>();
    jdbc.query(
        """
        select p.work_item_id, p.progress from progress_report p join work_item w on w.id = p.work_item_id
        where w.round_id = ? order by p.work_item_id, p.version""",
        rs -> {
          latest.put(rs.getLong(1), rs.getString(2));
        },
        roundId);
    return latest;
  }

  /** The newest review opinion of each work item of the round (where the reviewer wrote one). */
  Map<Long, String> latestOpinions(long roundId) {
    Map<Long, String> latest = new HashMap<>();
    jdbc.query(
        """
        select o.work_item_id, o.decision, o.opinion from review_opinion o join work_item w on w.id = o.work_item_id
        where w.round_id = ? order by o.work_item_id, o.id""",
        rs -> {
          String opinion = rs.getString(3);
          String decision = "RETURNED".equals(rs.getString(2)) ? "退回" : "通过";
          latest.put(
              rs.getLong(1),
              opinion == null || opinion.isBlank() ? decision : decision + "：" + opinion);
        },
        roundId);
    return latest;
  }

  List<ItemFacts> facts(Period period) {
    return jdbc.query(
        """
        select w.id, w.unit_code, w.unit_name, w.status, r.report_due,
               (select min(p.submitted_at) from progress_report p where p.work_item_id = w.id) first_report
        from work_item w join supervision_round r on r.id = w.round_id
        where w.status <> 'CANCELLED' and """
            + " "
            + period.where()
            + " order by w.unit_code, w.id",
        (rs, i) ->
            new ItemFacts(
                rs.getLong("id"),
                rs.getString("unit_code"),
                rs.getString("unit_name"),
                rs.getString("status"),
                instant(rs, "report_due"),
                instant(rs, "first_report")),
        period.args());
  }

  /** Returns by the lead unit, per unit. */
  Map<String, Integer> returns(Period period) {
    return countByUnit(
        """
        select w.unit_code, count(*) from review_opinion o
        join work_item w on w.id = o.work_item_id join supervision_round r on r.id = w.round_id
        where o.decision = 'RETURNED' and """
            + " "
            + period.where()
            + " group by w.unit_code",
        period);
  }

  /** The first review decision of each reviewed work item. */
  Map<Long, String> firstReviews(Period period) {
    Map<Long, String> first = new LinkedHashMap<>();
    jdbc.query(
        """
        select o.work_item_id, o.decision from review_opinion o
        join work_item w on w.id = o.work_item_id join supervision_round r on r.id = w.round_id
        where """
            + " "
            + period.where()
            + " order by o.work_item_id, o.id",
        rs -> {
          first.putIfAbsent(rs.getLong(1), rs.getString(2));
        },
        period.args());
    return first;
  }

  List<RectificationFacts> rectifications(Period period) {
    return jdbc.query(
        """
        select w.unit_code, x.deadline, x.submitted_at from rectification x
        join work_item w on w.id = x.work_item_id join supervision_round r on r.id = w.round_id
        where """
            + " "
            + period.where(),
        (rs, i) ->
            new RectificationFacts(
                rs.getString(1), rs.getObject(2, LocalDate.class), instant(rs, "submitted_at")),
        period.args());
  }

  /** Escalation levels reached, per unit and level. */
  Map<String, Map<String, Integer>> escalationLevels(Period period) {
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    jdbc.query(
        """
        select e.unit_code, e.level, count(*) from escalation e
        join work_item w on w.id = e.work_item_id join supervision_round r on r.id = w.round_id
        where """
            + " "
            + period.where()
            + " group by e.unit_code, e.level",
        rs -> {
          counts
              .computeIfAbsent(rs.getString(1), k -> new HashMap<>())
              .put(rs.getString(2), rs.getInt(3));
        },
        period.args());
    return counts;
  }

  /** Escalations of a period, open or all, newest first. */
  List<EscalationRow> escalations(Period period, boolean openOnly) {
    return jdbc.query(
        """
        select e.id, e.round_id, e.task_no, e.unit_code, e.unit_name, e.level, e.days_overdue, e.since,
               e.process_instance_id, w.process_instance_id item_instance, e.status, e.closed_by
        from escalation e join work_item w on w.id = e.work_item_id join supervision_round r on r.id = w.round_id
        where """
            + " "
            + (openOnly ? "e.status = 'OPEN' and " : "")
            + period.where()
            + " order by e.since desc, e.id desc",
        (rs, i) ->
            new EscalationRow(
                rs.getLong("id"),
                rs.getLong("round_id"),
                rs.getInt("task_no"),
                rs.getString("unit_code"),
                rs.getString("unit_name"),
                rs.getString("level"),
                rs.getInt("days_overdue"),
                instant(rs, "since"),
                rs.getString("process_instance_id"),
                rs.getString("item_instance"),
                rs.getString("status"),
                rs.getString("closed_by")),
        period.args());
  }

  /**
   * Approved report excerpts of a period, by chapter: the newest approved report of each work item.
   */
  List<String[]> approvedReports(Period period) {
    return jdbc.query(
        """
        select t.chapter, w.task_no, w.unit_name, p.progress from progress_report p
        join work_item w on w.id = p.work_item_id join supervision_round r on r.id = w.round_id
        join round_task rt on rt.id = w.round_task_id join plan_task t on t.id = rt.plan_task_id
        where exists (select 1 from review_opinion o where o.report_id = p.id and o.decision = 'APPROVED')
          and """
            + " "
            + period.where()
            + " order by w.task_no, w.id, p.version",
        (rs, i) ->
            new String[] {
              rs.getString(1), String.valueOf(rs.getInt(2)), rs.getString(3), rs.getString(4)
            },
        period.args());
  }

  /** The office's 需整改 requirements and the units' answers, for the problems section. */
  List<String[]> rectificationTexts(Period period) {
    return jdbc.query(
        """
        select w.task_no, w.unit_name, x.requirement, x.status, x.result from rectification x
        join work_item w on w.id = x.work_item_id join supervision_round r on r.id = w.round_id
        where """
            + " "
            + period.where()
            + " order by w.task_no, x.id",
        (rs, i) ->
            new String[] {
              String.valueOf(rs.getInt(1)),
              rs.getString(2),
              rs.getString(3),
              rs.getString(4),
              rs.getString(5)
            },
        period.args());
  }

  /** Open work of a period (not closed), with its task text, for next year's work. */
  List<String[]> openTasks(Period period) {
    return jdbc.query(
        """
        select w.task_no, t.text, count(*) units,
               sum(case when w.escalation_level is not null then 1 else 0 end) escalated
        from work_item w join supervision_round r on r.id = w.round_id
        join round_task rt on rt.id = w.round_task_id join plan_task t on t.id = rt.plan_task_id
        where w.status not in ('CLOSED', 'CANCELLED') and """
            + " "
            + period.where()
            + " group by w.task_no, t.text order by w.task_no",
        (rs, i) ->
            new String[] {
              String.valueOf(rs.getInt(1)),
              rs.getString(2),
              String.valueOf(rs.getInt(3)),
              String.valueOf(rs.getInt(4))
            },
        period.args());
  }

  /** Chapter numbers and titles of the plans a period touches. */
  Map<String, String> chapterTitles(Period period) {
    Map<String, String> titles = new LinkedHashMap<>();
    jdbc.query(
        """
        select distinct c.number, c.title, c.ordinal from plan_chapter c
        where c.plan_id in (select r.plan_id from supervision_round r join work_item w on w.round_id = r.id where """
            + " "
            + period.where()
            + ") order by c.ordinal",
        rs -> {
          titles.putIfAbsent(rs.getString(1), rs.getString(2));
        },
        period.args());
    return titles;
  }

  private Map<String, Integer> countByUnit(String sql, Period period) {
    Map<String, Integer> counts = new HashMap<>();
    jdbc.query(
        sql,
        rs -> {
          counts.put(rs.getString(1), rs.getInt(2));
        },
        period.args());
    return counts;
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static OffsetDateTime at(Instant instant) {
    return instant.atOffset(java.time.ZoneOffset.UTC);
  }
}
