package cn.fazhiduban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fazhiduban.plan.parse.ParsedPlan.ParseWarning;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each form that published plans write (issue 11 §1), one test each. All plans here are invented
 * for the tests.
 */
class RealDocumentFormsTest {

  /** A plan with one task whose text ends in {@code annotation}. */
  private static ParsedTask task(String annotation) {
    ParsedPlan plan = PlanFixtures.parse("某区法治政府建设工作要点\n一、依法行政\n1.加强行政执法监督。" + annotation + "\n");
    assertThat(plan.tasks()).hasSize(1);
    return plan.tasks().get(0);
  }

  private static void assertUnits(ParsedTask task, List<String> lead, List<String> responsible) {
    assertThat(task.leadUnits()).as("lead units").containsExactlyElementsOf(lead);
    assertThat(task.responsibleUnits())
        .as("responsible units")
        .containsExactlyElementsOf(responsible);
  }

  @Nested
  class Verbs {

    @Test
    void jointlyWithMakesTheFirstLeadAndTheOtherResponsible() {
      ParsedTask t = task("（区司法局会同区市场监管局办理）");
      assertUnits(t, List.of("区司法局"), List.of("区市场监管局"));
      assertThat(t.text()).isEqualTo("加强行政执法监督。");
    }

    @Test
    void sharedResponsibilityMakesBothLead() {
      assertUnits(task("（区司法局、区政府办共同负责，区大数据局配合）"), List.of("区司法局", "区政府办"), List.of("区大数据局"));
    }

    @Test
    void eachForItsOwnPartIsResponsible() {
      ParsedTask t = task("（区司法局牵头，区法院、区检察院各负其责）");
      assertUnits(t, List.of("区司法局"), List.of("区法院", "区检察院"));
      assertThat(t.byDivision()).isFalse();
    }

    @Test
    void plainDutyMakesOneUnitThatLeadsAndReports() {
      ParsedTask t = task("（区市场监管局负责）");
      assertUnits(t, List.of("区市场监管局"), List.of());
      assertThat(t.needsAssignment()).isFalse();
    }

    @Test
    void participationIsResponsible() {
      assertUnits(task("（区发展改革委牵头，有关部门参与）"), List.of("区发展改革委"), List.of(ParsedTask.TO_BE_ASSIGNED));
    }

    @Test
    void squareBrackets() {
      assertUnits(task("［区司法局牵头，各执法部门配合］"), List.of("区司法局"), List.of("各执法部门"));
      assertUnits(task("【区司法局负责】"), List.of("区司法局"), List.of());
    }
  }

  @Nested
  class BareLists {

    @Test
    void theFirstNamedUnitLeads() {
      assertUnits(task("（区司法局、区民政局，各部门）"), List.of("区司法局"), List.of("区民政局", "各部门"));
      assertUnits(
          task("（区审计局、区财政局及相关部门）"), List.of("区审计局"), List.of("区财政局", ParsedTask.TO_BE_ASSIGNED));
    }

    @Test
    void aPlanThatSaysItsListsNameNoLeadGetsResponsibleUnitsOnly() {
      ParsedPlan plan =
          PlanFixtures.parse(
              """
          某区法治建设任务清单
          说明：各项任务所列单位均为责任单位，排名不分先后。
          一、依法行政
          1.加强行政执法监督。（区司法局、区民政局，各部门）
          """);
      assertUnits(plan.tasks().get(0), List.of(), List.of("区司法局", "区民政局", "各部门"));
    }

    @Test
    void bracketsThatListNoUnitsStayText() {
      ParsedPlan plan =
          PlanFixtures.parse(
              """
          一、依法行政
          1.开展基层法治建设（含街道、社区）。（区司法局牵头）
          2.修订工作规则（试行）。
          """);
      assertThat(plan.tasks().get(0).text()).isEqualTo("开展基层法治建设（含街道、社区）。");
      assertThat(plan.tasks().get(1).text()).isEqualTo("修订工作规则（试行）。");
      assertThat(plan.tasks().get(1).leadUnits()).isEmpty();
    }
  }

  @Nested
  class Suffixes {

    @Test
    void byDivisionPhrasesAreNoPartOfANameWhereverTheyStand() {
      assertUnits(task("（区司法局牵头，各街道按职责分工负责）"), List.of("区司法局"), List.of("各街道"));
      ParsedTask t = task("（区司法局、各街道办事处按职责分工分别负责）");
      assertUnits(t, List.of(), List.of("区司法局", "各街道办事处"));
      assertThat(t.byDivision()).isTrue();
      assertThat(task("（各执法部门分别负责）").byDivision()).isTrue();
      assertUnits(task("（区司法局牵头，各部门各负其责）"), List.of("区司法局"), List.of("各部门"));
      assertUnits(task("（区司法局牵头，区民政局参与）"), List.of("区司法局"), List.of("区民政局"));
    }

    @Test
    void aPhraseInBracketsAfterANameInALabel() {
      ParsedPlan plan =
          PlanFixtures.parse(
              """
          一、依法行政
          1.推进行政复议体制改革。
          牵头单位：区司法局
          责任单位：各街道办事处（按职责分工负责）、区人力社保局（参与）
          """);
      assertUnits(plan.tasks().get(0), List.of("区司法局"), List.of("各街道办事处", "区人力社保局"));
    }
  }

  @Nested
  class Collectives {

    @Test
    void collectiveNamesStayWhole() {
      assertUnits(
          task("（市司法局牵头，县（区）政府、各县、市、区政府、各乡镇人民政府、各执法部门配合）"),
          List.of("市司法局"),
          List.of("县（区）政府", "各县、市、区政府", "各乡镇人民政府", "各执法部门"));
    }

    @Test
    void theRelevantDepartmentsOfALevelAreThePlaceholder() {
      ParsedTask t = task("（市司法局牵头，市政府相关部门、区级有关部门配合）");
      assertUnits(t, List.of("市司法局"), List.of(ParsedTask.TO_BE_ASSIGNED));
      assertThat(t.responsibleUnits()).doesNotContain("市政府");
      assertUnits(task("（区级有关部门按职责分工负责）"), List.of(), List.of(ParsedTask.TO_BE_ASSIGNED));
    }

    @Test
    void namedUnitsBeforeTheRelevantDepartmentsStay() {
      assertUnits(
          task("（区司法局牵头，区民政局、区财政局等有关部门配合）"),
          List.of("区司法局"),
          List.of("区民政局", "区财政局", ParsedTask.TO_BE_ASSIGNED));
    }
  }

  @Nested
  class PastedText {

    @Test
    void spacesInsideWords() {
      assertUnits(
          task("（区司法局牵 头，区人力 资源社会保障局、区政府办 公室配 合）"),
          List.of("区司法局"),
          List.of("区人力资源社会保障局", "区政府办公室"));
      assertUnits(task("（区司法局 区法院 区检察院共同负责）"), List.of("区司法局", "区法院", "区检察院"), List.of());
    }

    @Test
    void spacesInALabel() {
      ParsedPlan plan = PlanFixtures.parse("一、依法行政\n1.推进政务公开。\n牵 头 单 位 ：区政府办\n责任单位 ： 区司法局\n");
      assertUnits(plan.tasks().get(0), List.of("区政府办"), List.of("区司法局"));
    }

    @Test
    void lineBreaksInsideWordsAndABlankLineInsideAParagraph() {
      ParsedPlan plan =
          PlanFixtures.parse(
              """
          某区法治政府建设工作要点
          一、依法行政
          1.持续优化法治化营商环境，依法平等保护各类市场主体，

          清理妨碍公平竞争的规定。（区发展改革委牵
          头，区市场监管局配合）
          2.完善行政执法程序，
          统一执法文书。（区司法局负责）
          """);
      assertThat(plan.warnings()).isEmpty();
      ParsedTask first = plan.tasks().get(0);
      assertThat(first.text()).isEqualTo("持续优化法治化营商环境，依法平等保护各类市场主体，清理妨碍公平竞争的规定。");
      assertUnits(first, List.of("区发展改革委"), List.of("区市场监管局"));
      assertUnits(plan.tasks().get(1), List.of("区司法局"), List.of());
    }

    @Test
    void mixedHalfAndFullWidthPunctuation() {
      assertUnits(task("(牵头单位:区司法局；责任单位:各街道,各部门）"), List.of("区司法局"), List.of("各街道", "各部门"));
      assertUnits(task("（区司法局牵头,区法院、区检察院配合)"), List.of("区司法局"), List.of("区法院", "区检察院"));
    }
  }

  @Test
  void traditionalScript() {
    ParsedPlan plan =
        PlanFixtures.parse(
            """
        東港區法治政府建設工作要點
        一、依法行政
        1.推進嚴格規範公正文明執法。（區司法局牽頭，各街道辦事處負責）
        2.加強行政復議。（區司法局負責）
        """);
    assertUnits(plan.tasks().get(0), List.of("区司法局"), List.of("各街道办事处"));
    assertUnits(plan.tasks().get(1), List.of("区司法局"), List.of());
    assertThat(plan.title()).isEqualTo("东港区法治政府建设工作要点");
    assertThat(plan.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.line()).isEqualTo(1);
              assertThat(w.message()).contains("繁体字");
            });
  }

  @Nested
  class Numbering {

    @Test
    void topLevelItemsWithUnitsAreTheTasks() {
      ParsedPlan plan =
          PlanFixtures.parse(
              """
          某区2024年法治政府建设工作要点
          一、完善依法决策机制（区政府办牵头，区司法局配合）
          二、规范行政执法行为（区司法局牵头，各执法部门配合）
          三、加强行政复议工作（区司法局负责）
          """);
      assertThat(plan.tasks()).extracting(ParsedTask::number).containsExactly(1, 2, 3);
      assertThat(plan.tasks())
          .extracting(ParsedTask::text)
          .containsExactly("完善依法决策机制", "规范行政执法行为", "加强行政复议工作");
      assertUnits(plan.tasks().get(0), List.of("区政府办"), List.of("区司法局"));
      assertThat(plan.chapters()).isEmpty();
      assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void aTitleLineAboveTheTasksText() {
      ParsedPlan plan =
          PlanFixtures.parse(
              """
          一、主要任务
          （一）推进综合执法
          整合执法队伍，推进跨部门综合执法。（区司法局牵头，各街道办事处配合）
          （二）规范执法程序

          全面落实行政执法“三项制度”。（区司法局负责）
          （三）加强执法监督，完善监督机制。（区司法局负责）
          """);
      assertThat(plan.tasks())
          .extracting(ParsedTask::title)
          .containsExactly("推进综合执法", "规范执法程序", null);
      assertThat(plan.tasks())
          .extracting(ParsedTask::text)
          .containsExactly("整合执法队伍，推进跨部门综合执法。", "全面落实行政执法“三项制度”。", "加强执法监督，完善监督机制。");
    }

    @Test
    void aNumberWithoutDelimiterWhereTheSequenceMakesItPlain() {
      ParsedPlan plan =
          PlanFixtures.parse(
              """
          一、依法决策
          10.健全规范性文件审核机制。（镇司法所牵头）
          11完善重大决策程序。（镇党政办牵头）
          12推进法律顾问全覆盖，已有
          15个村居建立法律顾问制度。（镇司法所负责）
          """);
      assertThat(plan.tasks()).extracting(ParsedTask::number).containsExactly(10, 11, 12);
      assertThat(plan.tasks().get(1).text()).isEqualTo("完善重大决策程序。");
      assertThat(plan.tasks().get(2).text()).isEqualTo("推进法律顾问全覆盖，已有15个村居建立法律顾问制度。");
    }
  }

  @Nested
  class RefusalsAndWarnings {

    @Test
    void aRefusalSaysWhatWasLookedForAndQuotesTheFirstLines() {
      assertThatThrownBy(() -> PlanFixtures.parse("会议纪要\n\n出席人员：张三、李四\n会议讨论了明年的工作安排。\n"))
          .isInstanceOfSatisfying(
              PlanParseException.class,
              e -> {
                assertThat(e.code()).isEqualTo(PlanParseException.NOT_A_PLAN);
                assertThat(e.getMessage())
                    .contains("牵头单位", "（一）", "「会议纪要」", "「出席人员：张三、李四」", "「会议讨论了明年的工作安排。」");
              });
    }

    @Test
    void everyProblemIsAWarningWithItsLine() {
      ParsedPlan plan =
          new PlanParser()
              .parse(
                  """
          某区法治政府建设工作要点
          一、依法行政
          1.加强行政执法监督。
          2.推进政务公开。（区政府办牵头，区未知局配合）
          3.开展普法宣传。（请区司法局视情况酌情牵头负责协调推进）
          4.规范执法行为。（区司法局牵头）
          这一段不属于任何任务。
          5.完善复议机制。（有关部门配合）
          6.推进调解工作。（区司法局配合）
          """,
                  PlanFixtures.TODAY,
                  new PlanParser.Options(
                      PlanParser.DEFAULT_DEADLINE, Set.of("区政府办", "区司法局")::contains));
      assertThat(plan.tasks()).hasSize(6);
      assertThat(plan.warnings())
          .containsExactly(
              new ParseWarning(3, "该任务没有标注牵头单位或责任单位，需要手工指派"),
              new ParseWarning(4, "单位「区未知局」不在单位目录中，请核对，或在单位目录中添加"),
              new ParseWarning(5, "未能理解单位标注「请区司法局视情况酌情牵头负责协调推进」，该任务没有牵头单位，需要手工指派"),
              new ParseWarning(7, "「这一段不属于任何任务。」不属于任何任务（前一项任务已有单位标注或已结束），已忽略，请核对"),
              new ParseWarning(8, "该任务没有牵头单位，责任单位也待指派，需要手工指派"),
              new ParseWarning(9, "该任务只写了配合单位，没有牵头单位，需要手工指派牵头单位"));
      assertThat(plan.tasks().get(2).text()).contains("请区司法局视情况酌情牵头负责协调推进");
    }
  }
}
