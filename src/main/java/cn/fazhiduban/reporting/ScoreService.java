package cn.fazhiduban.reporting;

import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.reporting.ReportingData.ItemFacts;
import cn.fazhiduban.reporting.ReportingData.Period;
import cn.fazhiduban.reporting.ReportingData.RectificationFacts;
import cn.fazhiduban.reporting.ReportingData.RoundRow;
import cn.fazhiduban.supervision.Viewer;
import cn.fazhiduban.web.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 考核 score of each unit for a year or a round: supervision's counts and every {@link
 * ScoreInputContributor}'s go into the deployed {@code unit-score} table; the score is 100 minus
 * the deductions, never below 0.
 */
@Service
@Transactional(readOnly = true)
public class ScoreService {

  /** One unit's row: the table's inputs, the rates, the deductions by rule and the score. */
  public record ScoreRow(
      String unit,
      String unitCode,
      int workItems,
      Map<String, Integer> inputs,
      Double onTimeRate,
      Double firstPassRate,
      List<UnitScoreDecision.Deduction> deductions,
      double totalDeduction,
      double score) {}

  public record Scores(
      Integer year,
      Long roundId,
      String period,
      Instant from,
      Instant to,
      int decisionVersion,
      List<ScoreRow> units) {}

  private static final Map<String, String> LEVEL_INPUTS =
      Map.of(
          "警示", UnitScore.ESCALATIONS_WARNING,
          "挂牌督办", UnitScore.ESCALATIONS_LISTED,
          "通报", UnitScore.ESCALATIONS_NOTICE,
          "约谈", UnitScore.ESCALATIONS_INTERVIEW);

  private final ReportingData data;
  private final UnitScoreDecision decision;
  private final List<ScoreInputContributor> contributors;
  private final EngineClock clock;

  ScoreService(
      ReportingData data,
      UnitScoreDecision decision,
      List<ScoreInputContributor> contributors,
      EngineClock clock) {
    this.data = data;
    this.decision = decision;
    this.contributors = contributors;
    this.clock = clock;
  }

  /** A calendar year in Beijing time: the rounds whose reports fell due in it. */
  public Period year(int year) {
    if (year < 2000 || year > 2100) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "invalid", "年份应在 2000 至 2100 之间。");
    }
    Instant from = LocalDate.of(year, 1, 1).atStartOfDay(EngineClock.ZONE).toInstant();
    Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(EngineClock.ZONE).toInstant();
    return new Period(null, from, to, year + "年");
  }

  /** One round, from its opening until its due date (or now, if later). */
  public Period round(long roundId) {
    RoundRow round =
        data.rounds().stream()
            .filter(r -> r.id() == roundId)
            .findFirst()
            .orElseThrow(() -> ApiException.notFound("督办轮次 " + roundId));
    Instant to = round.reportDue().isAfter(clock.now()) ? round.reportDue() : clock.now();
    return new Period(roundId, round.openedAt(), to, round.label());
  }

  public Scores scores(Period period, Viewer viewer) {
    Instant now = clock.now();
    List<ItemFacts> items = data.facts(period);
    Map<String, Integer> returns = data.returns(period);
    Map<Long, String> firstReviews = data.firstReviews(period);
    Map<String, Map<String, Integer>> levels = data.escalationLevels(period);
    Map<String, List<RectificationFacts>> rectifications = new LinkedHashMap<>();
    for (RectificationFacts r : data.rectifications(period)) {
      rectifications.computeIfAbsent(r.unitCode(), k -> new ArrayList<>()).add(r);
    }
    Map<String, List<ItemFacts>> byUnit = new LinkedHashMap<>();
    for (ItemFacts item : items) {
      if (viewer.sees(item.unitCode())) {
        byUnit.computeIfAbsent(item.unitCode(), k -> new ArrayList<>()).add(item);
      }
    }
    UnitScoreDecision.Evaluator table = decision.latest();
    int version = 0;
    List<ScoreRow> rows = new ArrayList<>();
    for (Map.Entry<String, List<ItemFacts>> unit : byUnit.entrySet()) {
      String code = unit.getKey();
      Map<String, Integer> inputs = new LinkedHashMap<>();
      UnitScore.INPUTS.forEach(input -> inputs.put(input, 0));
      int reviewed = 0;
      int passed = 0;
      for (ItemFacts item : unit.getValue()) {
        if (item.firstReportAt() != null) {
          inputs.merge(
              item.firstReportAt().isAfter(item.reportDue())
                  ? UnitScore.REPORTS_LATE
                  : UnitScore.REPORTS_ON_TIME,
              1,
              Integer::sum);
        } else if (now.isAfter(item.reportDue())) {
          inputs.merge(UnitScore.REPORTS_MISSING, 1, Integer::sum);
        }
        String first = firstReviews.get(item.id());
        if (first != null) {
          reviewed++;
          passed += "APPROVED".equals(first) ? 1 : 0;
        }
      }
      inputs.put(UnitScore.REPORTS_RETURNED, returns.getOrDefault(code, 0));
      for (RectificationFacts r : rectifications.getOrDefault(code, List.of())) {
        inputs.merge(UnitScore.RECTIFICATIONS_ORDERED, 1, Integer::sum);
        Instant deadline = r.deadline().plusDays(1).atStartOfDay(EngineClock.ZONE).toInstant();
        Instant done = r.submittedAt() != null ? r.submittedAt() : now;
        if (done.isAfter(deadline)) {
          inputs.merge(UnitScore.RECTIFICATIONS_OVERDUE, 1, Integer::sum);
        }
      }
      levels
          .getOrDefault(code, Map.of())
          .forEach(
              (level, count) -> {
                String input = LEVEL_INPUTS.get(level);
                if (input != null) {
                  inputs.merge(input, count, Integer::sum);
                }
              });
      for (ScoreInputContributor contributor : contributors) {
        contributor
            .inputs(code, period.from(), period.to())
            .forEach(
                (name, count) -> {
                  if (count != null) {
                    inputs.merge(name, count, Integer::sum);
                  }
                });
      }
      UnitScoreDecision.Result result = table.evaluate(inputs);
      version = result.version();
      int due =
          inputs.get(UnitScore.REPORTS_ON_TIME)
              + inputs.get(UnitScore.REPORTS_LATE)
              + inputs.get(UnitScore.REPORTS_MISSING);
      Double onTimeRate = due == 0 ? null : rate(inputs.get(UnitScore.REPORTS_ON_TIME), due);
      Double firstPassRate = reviewed == 0 ? null : rate(passed, reviewed);
      rows.add(
          new ScoreRow(
              unit.getValue().get(0).unitName(),
              code,
              unit.getValue().size(),
              inputs,
              onTimeRate,
              firstPassRate,
              result.deductions(),
              result.total(),
              UnitScore.score(result.total())));
    }
    rows.sort(
        (a, b) ->
            Double.compare(b.score(), a.score()) != 0
                ? Double.compare(b.score(), a.score())
                : a.unitCode().compareTo(b.unitCode()));
    Integer year =
        period.roundId() == null ? period.from().atZone(EngineClock.ZONE).getYear() : null;
    return new Scores(
        year, period.roundId(), period.label(), period.from(), period.to(), version, rows);
  }

  private static double rate(int part, int whole) {
    return Math.round(part * 1000.0 / whole) / 1000.0;
  }
}
