package cn.fazhiduban.reporting;

import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.reporting.ReportingData.EscalationRow;
import cn.fazhiduban.reporting.ReportingData.Period;
import cn.fazhiduban.reporting.ReportingData.RoundRow;
import cn.fazhiduban.reporting.RoundLines.Line;
import cn.fazhiduban.supervision.Viewer;
import cn.fazhiduban.web.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 督办总览: what the Cockpit plugin shows for a round and a year, limited to what the viewer may see.
 * Per unit and per chapter: counts per status, overdue items and the 红黄绿灯; per unit also its open
 * escalations by level and its score; the open escalations grouped by level, highest first.
 */
@Service
@Transactional(readOnly = true)
public class OverviewService {

  /** The ladder, highest first, as the overview groups it. */
  static final List<String> LEVELS_HIGHEST_FIRST = List.of("约谈", "通报", "挂牌督办", "警示", "提醒");

  public record RoundChoice(
      long id, String label, Instant reportDue, String status, Instant openedAt) {}

  public record UnitLine(
      String unitCode,
      String unit,
      String light,
      int total,
      Map<String, Integer> counts,
      int overdue,
      Map<String, Integer> openEscalations,
      Double score) {}

  public record ChapterLine(
      String chapter,
      String title,
      String light,
      int total,
      Map<String, Integer> counts,
      int overdue) {}

  public record EscalationLine(
      long id,
      int taskNo,
      String unit,
      String unitCode,
      String level,
      int daysOverdue,
      Instant since,
      String processInstanceId) {}

  public record EscalationGroup(String level, List<EscalationLine> escalations) {}

  public record Overview(
      List<RoundChoice> rounds,
      List<Integer> years,
      RoundChoice round,
      int year,
      String light,
      int total,
      Map<String, Integer> counts,
      int overdue,
      List<UnitLine> byUnit,
      List<ChapterLine> byChapter,
      List<EscalationGroup> openEscalations,
      boolean seesAll) {}

  private final ReportingData data;
  private final RoundLines lines;
  private final ScoreService scores;
  private final EngineClock clock;

  OverviewService(ReportingData data, RoundLines lines, ScoreService scores, EngineClock clock) {
    this.data = data;
    this.lines = lines;
    this.scores = scores;
    this.clock = clock;
  }

  public Overview overview(Long roundId, Integer year, Viewer viewer) {
    List<RoundRow> rounds = data.rounds();
    List<RoundChoice> choices =
        rounds.stream()
            .map(r -> new RoundChoice(r.id(), r.label(), r.reportDue(), r.status(), r.openedAt()))
            .toList();
    TreeSet<Integer> years = new TreeSet<>(java.util.Comparator.reverseOrder());
    years.add(clock.today().getYear());
    rounds.forEach(r -> years.add(r.reportDue().atZone(EngineClock.ZONE).getYear()));
    RoundChoice round =
        roundId == null
            ? choices.stream().findFirst().orElse(null)
            : choices.stream()
                .filter(c -> c.id() == roundId)
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("督办轮次 " + roundId));
    int shownYear =
        year != null
            ? year
            : round != null
                ? round.reportDue().atZone(EngineClock.ZONE).getYear()
                : clock.today().getYear();
    if (round == null) {
      return new Overview(
          choices,
          List.copyOf(years),
          null,
          shownYear,
          "green",
          0,
          emptyCounts(),
          0,
          List.of(),
          List.of(),
          List.of(),
          viewer.seesAll());
    }
    Map<String, Double> scoreByUnit = new LinkedHashMap<>();
    scores
        .scores(scores.year(shownYear), viewer)
        .units()
        .forEach(s -> scoreByUnit.put(s.unitCode(), s.score()));

    List<Line> roundLines = lines.of(round.id(), viewer);
    Period period = new Period(round.id(), null, null, round.label());
    List<EscalationRow> open =
        data.escalations(period, true).stream().filter(e -> viewer.sees(e.unitCode())).toList();

    Map<String, List<Line>> units = new LinkedHashMap<>();
    Map<String, List<Line>> chapters = new LinkedHashMap<>();
    Map<String, String> chapterTitles = new LinkedHashMap<>();
    for (Line line : roundLines) {
      units.computeIfAbsent(line.item().unitCode(), k -> new ArrayList<>()).add(line);
      String chapter = line.item().chapter() == null ? "—" : line.item().chapter();
      chapters.computeIfAbsent(chapter, k -> new ArrayList<>()).add(line);
      chapterTitles.putIfAbsent(chapter, line.item().chapterTitle());
    }
    List<UnitLine> byUnit = new ArrayList<>();
    units.forEach(
        (code, unitLines) -> {
          Map<String, Integer> levels = new LinkedHashMap<>();
          LEVELS_HIGHEST_FIRST.forEach(level -> levels.put(level, 0));
          open.stream()
              .filter(e -> e.unitCode().equals(code))
              .forEach(e -> levels.merge(e.level(), 1, Integer::sum));
          byUnit.add(
              new UnitLine(
                  code,
                  unitLines.get(0).item().unitName(),
                  light(unitLines),
                  unitLines.size(),
                  counts(unitLines),
                  overdue(unitLines),
                  levels,
                  scoreByUnit.get(code)));
        });
    List<ChapterLine> byChapter = new ArrayList<>();
    chapters.forEach(
        (chapter, chapterLines) ->
            byChapter.add(
                new ChapterLine(
                    chapter,
                    chapterTitles.get(chapter),
                    light(chapterLines),
                    chapterLines.size(),
                    counts(chapterLines),
                    overdue(chapterLines))));

    List<EscalationGroup> groups = new ArrayList<>();
    for (String level : LEVELS_HIGHEST_FIRST) {
      List<EscalationLine> atLevel =
          open.stream()
              .filter(e -> e.level().equals(level))
              .map(
                  e ->
                      new EscalationLine(
                          e.id(),
                          e.taskNo(),
                          e.unitName(),
                          e.unitCode(),
                          e.level(),
                          e.daysOverdue(),
                          e.since(),
                          e.processInstanceId() != null
                              ? e.processInstanceId()
                              : e.workItemInstanceId()))
              .toList();
      groups.add(new EscalationGroup(level, atLevel));
    }
    return new Overview(
        choices,
        List.copyOf(years),
        round,
        shownYear,
        light(roundLines),
        roundLines.size(),
        counts(roundLines),
        overdue(roundLines),
        byUnit,
        byChapter,
        groups,
        viewer.seesAll());
  }

  private static String light(List<Line> lines) {
    String light = "green";
    for (Line line : lines) {
      light = RoundLines.worst(light, line.light());
    }
    return light;
  }

  private static Map<String, Integer> counts(List<Line> lines) {
    Map<String, Integer> counts = emptyCounts();
    lines.forEach(line -> counts.merge(line.item().status(), 1, Integer::sum));
    return counts;
  }

  private static Map<String, Integer> emptyCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    RoundLines.STATUSES.forEach(status -> counts.put(status, 0));
    return counts;
  }

  private static int overdue(List<Line> lines) {
    return (int) lines.stream().filter(Line::overdue).count();
  }
}
