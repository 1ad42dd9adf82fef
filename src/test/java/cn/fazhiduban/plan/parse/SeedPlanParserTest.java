package cn.fazhiduban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.plan.parse.ParsedPlan.Chapter;
import cn.fazhiduban.plan.parse.ParsedPlan.Milestone;
import cn.fazhiduban.plan.parse.ParsedPlan.Section;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed plan of 两江新区: the parser's main target. Expected units are in
 * liangjiang-expected-units.tsv.
 */
class SeedPlanParserTest {

  private static ParsedPlan plan;
  private static Map<Integer, ParsedTask> byNumber;

  @BeforeAll
  static void parseSeed() {
    plan = PlanFixtures.parse(PlanFixtures.seed());
    byNumber =
        plan.tasks().stream().collect(Collectors.toMap(ParsedTask::number, Function.identity()));
  }

  private static ParsedTask task(int number) {
    assertThat(byNumber).containsKey(number);
    return byNumber.get(number);
  }

  @Test
  void readsTheHeader() {
    assertThat(plan.title()).isEqualTo("重庆两江新区法治政府建设任务分解方案（2021—2025年）");
    assertThat(plan.issuer()).isEqualTo("两江新区全面依法治区委员会");
    assertThat(plan.issuedOn()).isEqualTo(LocalDate.of(2022, 8, 26));
  }

  @Test
  void parsesWithoutWarnings() {
    assertThat(plan.warnings()).isEmpty();
  }

  @Test
  void hasTenChaptersWithTheirSections() {
    assertThat(plan.chapters())
        .extracting(Chapter::number)
        .containsExactly("一", "二", "三", "四", "五", "六", "七", "八", "九", "十");
    assertThat(plan.chapters())
        .extracting(c -> c.sections().size())
        .containsExactly(0, 3, 2, 3, 4, 3, 4, 5, 3, 4);
    assertThat(plan.chapters().get(0).title()).isEqualTo("深入学习贯彻习近平法治思想，努力实现法治政府建设全面突破");
    assertThat(plan.chapters().get(9).title()).isEqualTo("加强党的领导，完善法治政府建设推进机制");
  }

  @Test
  void hasThirtyOneSectionsInOrder() {
    List<String> expected =
        List.of(
            "（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）", "（八）", "（九）", "（十）", "（十一）", "（十二）",
            "（十三）", "（十四）", "（十五）", "（十六）", "（十七）", "（十八）", "（十九）", "（二十）", "（二十一）", "（二十二）",
            "（二十三）", "（二十四）", "（二十五）", "（二十六）", "（二十七）", "（二十八）", "（二十九）", "（三十）", "（三十一）");
    List<Section> sections = plan.chapters().stream().flatMap(c -> c.sections().stream()).toList();
    assertThat(sections).extracting(Section::number).containsExactlyElementsOf(expected);
    assertThat(sections.get(0).title()).isEqualTo("推进政府机构职能优化协同高效");
    assertThat(sections.get(14).title()).isEqualTo("引导、规范基层组织和社会力量参与突发事件应对");
    assertThat(sections.get(30).title()).isEqualTo("加强理论研究和舆论宣传");
  }

  @Test
  void hasSeventyFourTasksNumberedInOrder() {
    assertThat(plan.tasks())
        .extracting(ParsedTask::number)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 74).boxed().toList());
    assertThat(plan.tasks()).extracting(ParsedTask::line).isSorted();
  }

  @Test
  void everyTaskSitsInASectionOfItsChapter() {
    for (ParsedTask t : plan.tasks()) {
      Chapter chapter =
          plan.chapters().stream()
              .filter(c -> c.number().equals(t.chapter()))
              .findFirst()
              .orElseThrow();
      assertThat(chapter.sections())
          .extracting(Section::number)
          .as("task %d", t.number())
          .contains(t.section());
    }
  }

  @Test
  void firstTask() {
    ParsedTask t = task(1);
    assertThat(t.chapter()).isEqualTo("二");
    assertThat(t.section()).isEqualTo("（一）");
    assertThat(t.line()).isEqualTo(26);
    assertThat(t.text()).startsWith("优化政府组织结构，深化行政体制改革").endsWith("鼓励、支持从上往下跨层级调剂使用行政和事业编制。");
    assertThat(t.annotation()).isEqualTo("牵头单位：办公室、组织人事部；责任单位：各直属街道，各单位部门");
  }

  @Test
  void taskFollowedDirectlyByAChapterHeading() {
    ParsedTask t = task(14);
    assertThat(t.chapter()).isEqualTo("二");
    assertThat(t.section()).isEqualTo("（三）");
    assertThat(t.line()).isEqualTo(47);
    assertThat(t.text()).isEqualTo("健全政企沟通协调机制，制定或修订行政规范性文件过程中，充分听取企业和行业协会商会的意见。");
    ParsedTask next = task(15);
    assertThat(next.chapter()).isEqualTo("三");
    assertThat(next.section()).isEqualTo("（四）");
    assertThat(next.line()).isEqualTo(52);
  }

  @Test
  void textNeverKeepsTheNumberOrTheAnnotation() {
    for (ParsedTask t : plan.tasks()) {
      assertThat(t.text())
          .as("task %d", t.number())
          .doesNotStartWithIgnoringCase(t.number() + ".")
          .doesNotContain("牵头单位", "责任单位", "按职责分工负责）", "〔")
          .endsWith("。");
      assertThat(t.annotation()).as("task %d", t.number()).isNotBlank();
    }
  }

  @Test
  void annotationsAreTheBracketContent() {
    assertThat(task(13).annotation()).isEqualTo("经济运行局、产业局、现服局、财政局、政务中心、市场监管局等有关部门按职责分工负责");
    assertThat(task(63).annotation()).isEqualTo("责任单位：各党委（党组），各单位部门");
    assertThat(task(62).text()).endsWith("加强协调督促推动。");
  }

  @Test
  void lastTaskDoesNotSwallowTheClosingParagraph() {
    assertThat(task(74).text()).doesNotContain("各单位要全面准确贯彻");
  }

  @ParameterizedTest(name = "任务{0}")
  @MethodSource("expectedUnits")
  void unitsMatchTheHandWrittenTable(
      int number,
      List<String> lead,
      List<String> responsible,
      boolean byDivision,
      boolean needsAssignment) {
    ParsedTask t = task(number);
    assertThat(t.leadUnits()).as("lead units").containsExactlyElementsOf(lead);
    assertThat(t.responsibleUnits()).as("responsible units").containsExactlyElementsOf(responsible);
    assertThat(t.byDivision()).as("byDivision").isEqualTo(byDivision);
    assertThat(t.needsAssignment()).as("needsAssignment").isEqualTo(needsAssignment);
  }

  static Stream<Arguments> expectedUnits() {
    List<String> rows =
        PlanFixtures.text("/plans/liangjiang-expected-units.tsv")
            .lines()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .toList();
    assertThat(rows).hasSize(74);
    return rows.stream()
        .map(
            row -> {
              String[] f = row.split("\t", -1);
              return Arguments.of(
                  Integer.parseInt(f[0]),
                  units(f[1]),
                  units(f[2]),
                  Boolean.parseBoolean(f[3]),
                  Boolean.parseBoolean(f[4]));
            });
  }

  private static List<String> units(String joined) {
    return joined.isEmpty() ? List.of() : Arrays.asList(joined.split("、"));
  }

  @Test
  void milestones() {
    assertThat(task(40).milestones())
        .containsExactly(new Milestone(LocalDate.of(2022, 12, 31), "到2022年底，重点部门行政调解组织建成率达100%"));
    assertThat(task(42).milestones())
        .containsExactly(
            new Milestone(
                LocalDate.of(2022, 12, 31),
                "2022年底前基本形成公正权威、统一高效的行政复议体制，设立行政复议委员会，充分发挥行政复议委员会集体讨论决定重大、疑难、复杂案件的作用"));
    assertThat(task(54).milestones())
        .containsExactly(
            new Milestone(LocalDate.of(2023, 12, 31), "2023年底前实现新区现行有效的行政规范性文件统一公开查询"));
    assertThat(task(56).milestones())
        .containsExactly(
            new Milestone(LocalDate.of(2025, 12, 31), "2025年年底前实现民生保障、公共服务、市场监管等领域公共数据向社会有序开放"));
    assertThat(task(65).milestones())
        .containsExactly(new Milestone(LocalDate.of(2025, 12, 31), "2025年年底前实现对各街道办事处、各部门督察全覆盖"));
  }

  @Test
  void onlyTheseTasksHaveMilestones() {
    assertThat(plan.tasks())
        .filteredOn(t -> !t.milestones().isEmpty())
        .extracting(ParsedTask::number)
        .containsExactly(40, 42, 54, 56, 65);
    assertThat(task(72).milestones()).isEmpty(); // 每年, 60学时
  }

  @Test
  void windowsLineEndingsAndABomChangeNothing() {
    ParsedPlan crlf = PlanFixtures.parse("\uFEFF" + PlanFixtures.seed().replace("\n", "\r\n"));
    assertThat(crlf).isEqualTo(plan);
  }
}
