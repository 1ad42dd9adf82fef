package cn.fazhiduban.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The 考核 table {@code processes/unit-score.dmn}, evaluated by a plain DMN engine: every rule at its
 * threshold and just below it, the sum of several rules, and the score's floor. When an
 * administrator changes a deduction in the shipped table, this test says which.
 */
class UnitScoreDecisionTest {

  private static final Path MODEL = Path.of("processes", UnitScore.DECISION_ID + ".dmn");

  private static DmnDecision decision;
  private static final List<String> matched = new ArrayList<>();

  @BeforeAll
  static void parse() throws IOException {
    DmnEngine engine =
        DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
            .customPostDecisionTableEvaluationListeners(List.of(UnitScoreDecisionTest::record))
            .buildEngine();
    try (InputStream in = Files.newInputStream(MODEL)) {
      decision = engine.parseDecision(UnitScore.DECISION_ID, in);
    }
    UnitScoreDecisionTest.engine = engine;
  }

  private static DmnEngine engine;

  private static void record(DmnDecisionTableEvaluationEvent event) {
    event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(matched::add);
  }

  @BeforeEach
  void forget() {
    matched.clear();
  }

  private static double deduction(Map<String, Integer> given) {
    Map<String, Object> variables = new HashMap<>();
    UnitScore.INPUTS.forEach(input -> variables.put(input, 0));
    variables.putAll(given);
    DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, variables);
    Object sum =
        result.getSingleResult() == null ? null : result.getSingleResult().getSingleEntry();
    return sum == null ? 0 : ((Number) sum).doubleValue();
  }

  @Test
  void theTableCollectsAndSumsOverTheInputsTheCodeGives() {
    DmnModelInstance model = Dmn.readModelFromFile(MODEL.toFile());
    DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
    assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.COLLECT);
    assertThat(table.getAggregation().name()).isEqualTo("SUM");
    assertThat(table.getOutputs()).hasSize(1);
    assertThat(table.getOutputs().iterator().next().getName()).isEqualTo(UnitScore.DEDUCTION);
    assertThat(
            model.getModelElementsByType(Input.class).stream()
                .map(input -> input.getInputExpression().getText().getTextContent().strip())
                .toList())
        .containsExactlyElementsOf(UnitScore.INPUTS);
    assertThat(model.getModelElementsByType(Rule.class))
        .allSatisfy(
            rule ->
                assertThat(rule.getDescription().getTextContent())
                    .as(rule.getId())
                    .matches(".*\\p{IsHan}.*扣.*分.*"));
  }

  @Test
  void nothingToCountDeductsNothing() {
    assertThat(deduction(Map.of())).isZero();
    assertThat(deduction(Map.of(UnitScore.REPORTS_ON_TIME, 40))).isZero();
    assertThat(matched).isEmpty();
    assertThat(UnitScore.score(0)).isEqualTo(100.0);
  }

  /** Each rule at its threshold (fires, with the deduction per count) and below it (silent). */
  @ParameterizedTest(name = "{0} = {1} → {3} 分（{2}）")
  @CsvSource({
    "reportsLate, 0, , 0",
    "reportsLate, 1, Rule_ReportLate, 1",
    "reportsLate, 2, Rule_ReportLate, 2",
    "reportsLate, 3, Rule_ReportLate;Rule_ReportLateRepeatedly, 5",
    "reportsMissing, 0, , 0",
    "reportsMissing, 1, Rule_ReportMissing, 2",
    "reportsMissing, 3, Rule_ReportMissing, 6",
    "reportsReturned, 0, , 0",
    "reportsReturned, 1, Rule_ReportReturned, 0.5",
    "reportsReturned, 4, Rule_ReportReturned, 2",
    "rectificationsOrdered, 0, , 0",
    "rectificationsOrdered, 1, Rule_RectificationOrdered, 1",
    "rectificationsOverdue, 0, , 0",
    "rectificationsOverdue, 1, Rule_RectificationOverdue, 2",
    "escalationsWarning, 0, , 0",
    "escalationsWarning, 1, Rule_EscalationWarning, 1",
    "escalationsListed, 0, , 0",
    "escalationsListed, 1, Rule_EscalationListed, 3",
    "escalationsNotice, 0, , 0",
    "escalationsNotice, 1, Rule_EscalationNotice, 5",
    "escalationsInterview, 0, , 0",
    "escalationsInterview, 1, Rule_EscalationInterview, 10",
    "findingsGeneral, 0, , 0",
    "findingsGeneral, 2, Rule_FindingGeneral, 2",
    "findingsSerious, 0, , 0",
    "findingsSerious, 1, Rule_FindingSerious, 5",
    "findingRectificationsOverdue, 0, , 0",
    "findingRectificationsOverdue, 1, Rule_FindingRectificationOverdue, 3",
    "typicalCaseNotices, 0, , 0",
    "typicalCaseNotices, 1, Rule_TypicalCaseNotice, 5"
  })
  void eachRuleAtItsThreshold(String input, int count, String rules, double expected) {
    assertThat(deduction(Map.of(input, count))).isEqualTo(expected);
    assertThat(matched)
        .containsExactlyElementsOf(rules == null ? List.of() : List.of(rules.split(";")));
  }

  @Test
  void everyRuleIsHitByTheCasesAbove() {
    Set<String> rules =
        Dmn.readModelFromFile(MODEL.toFile()).getModelElementsByType(Rule.class).stream()
            .map(Rule::getId)
            .collect(Collectors.toSet());
    for (String input : UnitScore.INPUTS) {
      deduction(Map.of(input, 3));
    }
    assertThat(Set.copyOf(matched)).isEqualTo(rules);
  }

  @Test
  void deductionsAddUpAndTheScoreNeverFallsBelowZero() {
    double sum =
        deduction(
            Map.of(
                UnitScore.REPORTS_LATE,
                1,
                UnitScore.ESCALATIONS_LISTED,
                1,
                UnitScore.REPORTS_RETURNED,
                1));
    assertThat(sum).isEqualTo(1 + 3 + 0.5);
    assertThat(UnitScore.score(sum)).isEqualTo(95.5);
    double heavy =
        deduction(Map.of(UnitScore.ESCALATIONS_INTERVIEW, 8, UnitScore.REPORTS_MISSING, 20));
    assertThat(heavy).isEqualTo(120);
    assertThat(UnitScore.score(heavy)).isEqualTo(0.0);
  }
}
