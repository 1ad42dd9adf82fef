package cn.fazhiduban.reporting;

import cn.fazhiduban.reporting.ReportingData.EscalationRow;
import cn.fazhiduban.reporting.ReportingData.Period;
import cn.fazhiduban.reporting.ScoreService.ScoreRow;
import cn.fazhiduban.supervision.Viewer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Drafts the year's 法治政府建设年度报告 from the record: totals, progress per chapter with excerpts from
 * approved reports, the problems found (checks, rectifications and every {@link ProblemSource}),
 * the escalations and their outcome, the unit scores, and next year's work from what is still open.
 */
@Component
class AnnualReportDrafter {

  private static final int EXCERPTS_PER_CHAPTER = 3;
  private static final int EXCERPT_CHARS = 200;
  private static final Viewer EVERYONE = new Viewer(true, Set.of());

  private final ReportingData data;
  private final ScoreService scores;
  private final List<ProblemSource> problemSources;

  AnnualReportDrafter(ReportingData data, ScoreService scores, List<ProblemSource> problemSources) {
    this.data = data;
    this.scores = scores;
    this.problemSources = problemSources;
  }

  static String title(int year) {
    return year + "年法治政府建设年度报告";
  }

  ReportDocument draft(int year) {
    Period period = scores.year(year);
    List<ReportingData.ItemFacts> items = data.facts(period);
    List<ScoreRow> unitScores = scores.scores(period, EVERYONE).units();
    List<EscalationRow> escalations = data.escalations(period, false);
    ReportDocument report = new ReportDocument(title(year));
    report.paragraph("（草稿，由法治督办系统根据" + year + "年督办记录生成，供依法治区办修改后报领导审定。）");

    report.heading("一、总体情况");
    Map<String, Integer> byStatus = new LinkedHashMap<>();
    RoundLines.STATUSES.forEach(status -> byStatus.put(status, 0));
    items.forEach(item -> byStatus.merge(item.status(), 1, Integer::sum));
    long roundCount =
        data.rounds().stream()
            .filter(
                r -> !r.reportDue().isBefore(period.from()) && r.reportDue().isBefore(period.to()))
            .count();
    int onTime = sum(unitScores, UnitScore.REPORTS_ON_TIME);
    int due =
        onTime
            + sum(unitScores, UnitScore.REPORTS_LATE)
            + sum(unitScores, UnitScore.REPORTS_MISSING);
    report.paragraph(
        year
            + "年共开展督办 "
            + roundCount
            + " 轮，涉及责任单位 "
            + unitScores.size()
            + " 个、工作事项 "
            + items.size()
            + " 项。其中已办结 "
            + byStatus.get("CLOSED")
            + " 项，审核通过 "
            + byStatus.get("APPROVED")
            + " 项，已报送待审核 "
            + byStatus.get("REPORTED")
            + " 项，整改中 "
            + byStatus.get("RECTIFYING")
            + " 项，被退回 "
            + byStatus.get("RETURNED")
            + " 项，待报送 "
            + byStatus.get("ASSIGNED")
            + " 项。"
            + (due == 0 ? "" : "按时报送率 " + percent(onTime, due) + "。")
            + "全年启动督办升级 "
            + escalations.size()
            + " 次。");

    report.heading("二、各章节任务推进情况");
    Map<String, String> chapters = data.chapterTitles(period);
    Map<String, List<String[]>> excerpts = new LinkedHashMap<>();
    for (String[] approved : data.approvedReports(period)) {
      excerpts.computeIfAbsent(approved[0], k -> new ArrayList<>()).add(approved);
    }
    if (chapters.isEmpty()) {
      report.paragraph("本年度没有督办记录。");
    }
    chapters.forEach(
        (number, title) -> {
          List<String[]> chapterExcerpts = excerpts.getOrDefault(number, List.of());
          report.paragraph(
              "（" + number + "）" + title + "：收到经牵头单位审核通过的进展报告 " + chapterExcerpts.size() + " 份。");
          chapterExcerpts.stream()
              .limit(EXCERPTS_PER_CHAPTER)
              .forEach(e -> report.paragraph("第" + e[1] + "项（" + e[2] + "）：" + excerpt(e[3])));
        });

    report.heading("三、存在的问题及整改情况");
    List<String[]> rectifications = data.rectificationTexts(period);
    List<String> problems = new ArrayList<>();
    for (String[] r : rectifications) {
      problems.add(
          "第"
              + r[0]
              + "项（"
              + r[1]
              + "）：依法治区办检查要求整改——"
              + excerpt(r[2])
              + ("SUBMITTED".equals(r[3])
                  ? "。整改结果：" + excerpt(r[4] == null ? "已报送" : r[4])
                  : "。尚未报送整改结果。"));
    }
    for (ProblemSource source : problemSources) {
      problems.addAll(source.problems(year));
    }
    if (problems.isEmpty()) {
      report.paragraph("本年度检查中未发现需要整改的问题。");
    }
    problems.forEach(report::paragraph);

    report.heading("四、督办升级及处理结果");
    Map<String, int[]> byLevel = new LinkedHashMap<>();
    for (String level : OverviewService.LEVELS_HIGHEST_FIRST) {
      byLevel.put(level, new int[3]);
    }
    for (EscalationRow e : escalations) {
      int[] counts = byLevel.computeIfAbsent(e.level(), k -> new int[3]);
      if ("OPEN".equals(e.status())) {
        counts[2]++;
      } else if ("OFFICE".equals(e.closedBy())) {
        counts[1]++;
      } else {
        counts[0]++;
      }
    }
    List<List<String>> escalationTable = new ArrayList<>();
    escalationTable.add(List.of("督办等级", "次数", "单位完成后办结或升级", "依法治区办关闭", "仍在督办"));
    byLevel.forEach(
        (level, c) ->
            escalationTable.add(
                List.of(
                    level,
                    String.valueOf(c[0] + c[1] + c[2]),
                    String.valueOf(c[0]),
                    String.valueOf(c[1]),
                    String.valueOf(c[2]))));
    report.table(escalationTable);

    report.heading("五、责任单位考核得分");
    if (unitScores.isEmpty()) {
      report.paragraph("本年度没有责任单位的考核数据。");
    } else {
      List<List<String>> scoreTable = new ArrayList<>();
      scoreTable.add(List.of("责任单位", "工作事项", "按时报送率", "一次通过率", "扣分", "得分"));
      for (ScoreRow row : unitScores) {
        scoreTable.add(
            List.of(
                row.unit(),
                String.valueOf(row.workItems()),
                rate(row.onTimeRate()),
                rate(row.firstPassRate()),
                String.valueOf(row.totalDeduction()),
                String.valueOf(row.score())));
      }
      report.table(scoreTable);
    }

    report.heading("六、" + (year + 1) + "年工作安排");
    List<String[]> open = data.openTasks(period);
    if (open.isEmpty()) {
      report.paragraph(year + "年督办的任务均已办结，" + (year + 1) + "年按任务分解方案继续推进。");
    } else {
      report.paragraph("以下任务尚未办结，" + (year + 1) + "年继续督办：");
      for (String[] task : open) {
        report.paragraph(
            "第"
                + task[0]
                + "项："
                + excerpt(task[1])
                + "（涉及 "
                + task[2]
                + " 个单位"
                + ("0".equals(task[3]) ? "" : "，其中 " + task[3] + " 个已升级督办")
                + "）");
      }
    }
    return report;
  }

  private static int sum(List<ScoreRow> rows, String input) {
    return rows.stream().mapToInt(row -> row.inputs().getOrDefault(input, 0)).sum();
  }

  private static String percent(int part, int whole) {
    return Math.round(part * 1000.0 / whole) / 10.0 + "%";
  }

  private static String rate(Double rate) {
    return rate == null ? "—" : Math.round(rate * 1000) / 10.0 + "%";
  }

  private static String excerpt(String text) {
    if (text == null) {
      return "";
    }
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= EXCERPT_CHARS ? flat : flat.substring(0, EXCERPT_CHARS) + "……";
  }
}
