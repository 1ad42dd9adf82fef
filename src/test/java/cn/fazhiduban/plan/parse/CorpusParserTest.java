package cn.fazhiduban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plans in the layouts that published plans use, written for these tests
 * (src/test/resources/plans/corpus). Each plan {@code X.txt} has {@code X.tsv}: for every task, in
 * order, its number, lead units, responsible units (joined by 、), byDivision, needsAssignment and,
 * where the plan gives one, its title. Units are joined by {@code |}, since a name may hold 、
 * ({@code 各县、市、区政府}). Every task is checked exactly.
 */
class CorpusParserTest {

  static final List<String> PLANS =
      List.of(
          "01-chapter-tasks", // 一、二、 are the tasks; the verbs 会同, 共同负责, 各负其责, 负责, 参与; ［］
          "02-sections-with-titles", // （一） under 一、, title line then body line
          "03-arabic-mixed-punctuation", // 1. tasks; half- and full-width punctuation mixed; ［］【】
          "04-label-lines", // 牵头单位：/责任单位： lines; spaces inside labels and names; a blank line in a
          // task
          "05-traditional", // 繁体: 牽頭, 負責, 區
          "06-bare-lists", // lists without a verb: the first unit leads; 分别负责, 按职责分工分别负责
          "07-flat-table", // a table flattened one cell per line
          "08-tabbed-table", // a table with tab-separated cells
          "09-glued-numbers-inline", // 4健全… (no delimiter); units in inline sentences
          "10-pdf-paste"); // words broken by spaces and line breaks, blank lines inside paragraphs

  record Expected(
      int number,
      List<String> lead,
      List<String> responsible,
      boolean byDivision,
      boolean needsAssignment,
      String title) {}

  static List<Expected> expected(String plan) {
    List<Expected> rows = new ArrayList<>();
    for (String row : PlanFixtures.text("/plans/corpus/" + plan + ".tsv").lines().toList()) {
      if (row.isBlank() || row.startsWith("#")) {
        continue;
      }
      String[] f = row.split("\t", -1);
      rows.add(
          new Expected(
              Integer.parseInt(f[0]),
              units(f[1]),
              units(f[2]),
              Boolean.parseBoolean(f[3]),
              Boolean.parseBoolean(f[4]),
              f.length > 5 && !f[5].isEmpty() ? f[5] : null));
    }
    return rows;
  }

  private static List<String> units(String joined) {
    return joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\\|"));
  }

  static ParsedPlan parsed(String plan) {
    return PlanFixtures.parse(PlanFixtures.text("/plans/corpus/" + plan + ".txt"));
  }

  @Test
  void theCorpusHasAtLeastSixtyTasksInAtLeastEightLayouts() {
    assertThat(PLANS).hasSizeGreaterThanOrEqualTo(8);
    assertThat(PLANS.stream().mapToInt(p -> expected(p).size()).sum()).isGreaterThanOrEqualTo(60);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void everyTaskIsReadWithItsNumber(String plan) {
    assertThat(parsed(plan).tasks())
        .extracting(ParsedTask::number)
        .containsExactlyElementsOf(expected(plan).stream().map(Expected::number).toList());
  }

  @ParameterizedTest(name = "{0} 任务{1}")
  @MethodSource("tasks")
  void everyTaskHasExactlyItsUnits(String plan, int number, Expected expected) {
    ParsedTask task =
        parsed(plan).tasks().stream().filter(t -> t.number() == number).findFirst().orElseThrow();
    assertThat(task.leadUnits()).as("lead units").containsExactlyElementsOf(expected.lead());
    assertThat(task.responsibleUnits())
        .as("responsible units")
        .containsExactlyElementsOf(expected.responsible());
    assertThat(task.byDivision()).as("byDivision").isEqualTo(expected.byDivision());
    assertThat(task.needsAssignment()).as("needsAssignment").isEqualTo(expected.needsAssignment());
    assertThat(task.title()).as("title").isEqualTo(expected.title());
    assertThat(task.text()).as("text").isNotBlank().doesNotContain("牵头", "牽頭", "配合）", "单位：");
  }

  static Stream<String> plans() {
    return PLANS.stream();
  }

  static Stream<Arguments> tasks() {
    return PLANS.stream()
        .flatMap(p -> expected(p).stream().map(e -> Arguments.of(p, e.number(), e)));
  }
}
