package cn.fazhiduban.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.escalation.EscalationProcess.Variables;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ladder in {@code processes/escalation-level.dmn}, evaluated by a plain DMN engine: which rule
 * decides each case, at every threshold and on both sides of it. When an administrator moves a
 * threshold, this table moves with it.
 */
class EscalationLevelDecisionTest {

  /** Maven runs tests in the project root, where the models live. */
  private static final Path MODEL = Path.of("processes", EscalationProcess.DECISION_ID + ".dmn");

  private static final String ALL = "承办单位,牵头单位,依法治区办,领导";

  /** Who hears of each level. */
  private static final Map<String, String> NOTIFY =
      Map.of(
          "提醒", "承办单位",
          "警示", "承办单位,牵头单位",
          "挂牌督办", "承办单位,牵头单位,依法治区办",
          "通报", ALL,
          "约谈", ALL);

  private static DmnDecision decision;

  private static DmnEngine dmnEngine;

  /** Rules that matched in the last evaluation, in table order (FIRST reports the one it used). */
  private static final List<String> matchedRules = new ArrayList<>();

  @BeforeAll
  static void parseTheTable() throws IOException {
    dmnEngine =
        DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
            .customPostDecisionTableEvaluationListeners(
                List.of(EscalationLevelDecisionTest::recordMatches))
            .buildEngine();
    try (InputStream in = Files.newInputStream(MODEL)) {
      decision = dmnEngine.parseDecision(EscalationProcess.DECISION_ID, in);
    }
  }

  private static void recordMatches(DmnDecisionTableEvaluationEvent event) {
    event.getMatchingRules().stream()
        .map(DmnEvaluatedDecisionRule::getId)
        .forEach(matchedRules::add);
  }

  @BeforeEach
  void forgetEarlierMatches() {
    matchedRules.clear();
  }

  @ParameterizedTest(name = "逾期 {0} 天，此前督办 {1} 次，本年节点 {2} → {3}（{4}）")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      # daysOverdue | earlierEscalations | milestoneThisYear | level | rule
      -10 | 0 | false | 提醒     | Rule_Reminder
       -1 | 0 | false | 提醒     | Rule_Reminder
       -1 | 5 | true  | 提醒     | Rule_Reminder
       -1 | 2 | false | 提醒     | Rule_Reminder
        0 | 0 | false | 警示     | Rule_Warning
        0 | 1 | false | 警示     | Rule_Warning
        0 | 1 | true  | 警示     | Rule_Warning
        2 | 0 | true  | 警示     | Rule_Warning
        4 | 0 | false | 警示     | Rule_Warning
        4 | 1 | false | 警示     | Rule_Warning
        3 | 0 | true  | 挂牌督办 | Rule_ListedSupervisionMilestone
        4 | 0 | true  | 挂牌督办 | Rule_ListedSupervisionMilestone
        3 | 2 | true  | 挂牌督办 | Rule_ListedSupervisionMilestone
        0 | 2 | false | 挂牌督办 | Rule_ListedSupervisionRepeat
        1 | 7 | false | 挂牌督办 | Rule_ListedSupervisionRepeat
        5 | 0 | false | 挂牌督办 | Rule_ListedSupervision
        9 | 0 | true  | 挂牌督办 | Rule_ListedSupervision
        9 | 2 | false | 挂牌督办 | Rule_ListedSupervision
       10 | 0 | false | 通报     | Rule_Notice
       19 | 3 | true  | 通报     | Rule_Notice
       20 | 0 | false | 约谈     | Rule_Interview
      100 | 0 | false | 约谈     | Rule_Interview
      100 | 100 | true | 约谈    | Rule_Interview
      """)
  void decidesTheLevel(
      int daysOverdue,
      int earlierEscalations,
      boolean milestoneThisYear,
      String level,
      String rule) {
    DmnDecisionResultEntries result = evaluate(daysOverdue, earlierEscalations, milestoneThisYear);

    assertThat(matchedRules).as("FIRST hit policy: one rule decides").containsExactly(rule);
    assertThat((String) result.getEntry(Variables.DMN_LEVEL))
        .isEqualTo(level)
        .isEqualTo(EscalationLevel.ofLabel(level).label());
    assertThat((String) result.getEntry(Variables.DMN_NOTIFY)).isEqualTo(NOTIFY.get(level));
  }

  @Test
  void theTableCoversEveryRule() throws NoSuchMethodException {
    CsvSource cases =
        getClass()
            .getDeclaredMethod(
                "decidesTheLevel", int.class, int.class, boolean.class, String.class, String.class)
            .getAnnotation(CsvSource.class);
    Set<String> tested =
        Arrays.stream(cases.textBlock().split("\n"))
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .map(line -> line.substring(line.lastIndexOf('|') + 1).strip())
            .collect(Collectors.toSet());

    assertThat(tested).containsExactlyInAnyOrderElementsOf(ruleIds());
  }

  @Test
  void everyLevelIsReachedAndNotifiesItsRecipients() {
    Map<String, String> notified = new HashMap<>();
    for (int days : new int[] {-3, 0, 5, 10, 20}) {
      DmnDecisionResultEntries result = evaluate(days, 0, false);
      notified.put(result.getEntry(Variables.DMN_LEVEL), result.getEntry(Variables.DMN_NOTIFY));
    }
    assertThat(notified).containsExactlyInAnyOrderEntriesOf(NOTIFY);
    assertThat(NOTIFY.keySet())
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(EscalationLevel.values()).map(EscalationLevel::label).toList());
  }

  @Test
  void theMoreSevereLevelsComeFirstBecauseTheHitPolicyIsFirst() {
    DecisionTable table = model().getModelElementsByType(DecisionTable.class).iterator().next();
    assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);

    List<Integer> ladder =
        table.getRules().stream()
            .map(
                rule ->
                    rule.getOutputEntries()
                        .iterator()
                        .next()
                        .getTextContent()
                        .replace("\"", "")
                        .strip())
            .map(label -> EscalationLevel.ofLabel(label).ordinal())
            .toList();
    assertThat(ladder).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
  }

  @Test
  void everyRuleSaysWhyInItsAnnotation() {
    Collection<Rule> rules = model().getModelElementsByType(Rule.class);
    assertThat(rules)
        .isNotEmpty()
        .allSatisfy(
            rule -> {
              assertThat(rule.getDescription()).as("annotation of %s", rule.getId()).isNotNull();
              assertThat(rule.getDescription().getTextContent())
                  .as("annotation of %s", rule.getId())
                  .isNotBlank();
            });
  }

  @Test
  void aMissingInputMatchesNoRuleRatherThanGuessing() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.DAYS_OVERDUE, null);
    variables.put(Variables.EARLIER_ESCALATIONS, 0);
    variables.put(Variables.MILESTONE_THIS_YEAR, false);

    DmnDecisionTableResult result = dmnEngine.evaluateDecisionTable(decision, variables);

    assertThat(result).isEmpty();
    assertThat(matchedRules).isEmpty();
  }

  private static DmnDecisionResultEntries evaluate(
      int daysOverdue, int earlierEscalations, boolean milestoneThisYear) {
    Map<String, Object> variables =
        Map.of(
            Variables.DAYS_OVERDUE, daysOverdue,
            Variables.EARLIER_ESCALATIONS, earlierEscalations,
            Variables.MILESTONE_THIS_YEAR, milestoneThisYear);
    return dmnEngine.evaluateDecision(decision, variables).getSingleResult();
  }

  private static DmnModelInstance model() {
    return Dmn.readModelFromFile(MODEL.toFile());
  }

  private static List<String> ruleIds() {
    return model().getModelElementsByType(Rule.class).stream().map(Rule::getId).toList();
  }
}
