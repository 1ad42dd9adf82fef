package cn.fazhiduban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.plan.parse.ParsedPlan.Chapter;
import cn.fazhiduban.plan.parse.ParsedPlan.Milestone;
import cn.fazhiduban.plan.parse.ParsedPlan.ParseWarning;
import cn.fazhiduban.plan.parse.ParsedPlan.Section;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Plans of other districts, each in its own layout. All plans here are invented for the tests. */
class PlanLayoutsParserTest {

  private static ParsedTask only(ParsedPlan plan, int number) {
    return plan.tasks().stream().filter(t -> t.number() == number).findFirst().orElseThrow();
  }

  @Test
  void halfWidthPunctuation() {
    ParsedPlan plan =
        PlanFixtures.parse(
            """
        东川县2024年法治政府建设工作要点

        一、加强依法行政制度建设
        1. 严格落实行政规范性文件合法性审核机制,2024年6月底前完成存量文件清理。(牵头单位:县司法局;责任单位:各乡镇,各部门)
        2. 推进重大行政决策目录化管理。(牵头单位:县政府办公室;责任单位:各部门)
        二、推进严格规范公正文明执法
        3. 开展行政执法案卷评查。(牵头单位:县司法局、县市场监管局;责任单位:各行政执法部门)
        """);
    assertThat(plan.title()).isEqualTo("东川县2024年法治政府建设工作要点");
    assertThat(plan.warnings()).isEmpty();
    assertThat(plan.tasks()).extracting(ParsedTask::number).containsExactly(1, 2, 3);
    ParsedTask first = only(plan, 1);
    assertThat(first.leadUnits()).containsExactly("县司法局");
    assertThat(first.responsibleUnits()).containsExactly("各乡镇", "各部门");
    assertThat(first.annotation()).isEqualTo("牵头单位:县司法局;责任单位:各乡镇,各部门");
    assertThat(first.text()).isEqualTo("严格落实行政规范性文件合法性审核机制,2024年6月底前完成存量文件清理。");
    assertThat(first.milestones())
        .containsExactly(new Milestone(LocalDate.of(2024, 6, 30), "2024年6月底前完成存量文件清理"));
    assertThat(only(plan, 3).leadUnits()).containsExactly("县司法局", "县市场监管局");
    assertThat(only(plan, 3).chapter()).isEqualTo("二");
    assertThat(only(plan, 3).section()).isNull();
  }

  @Test
  void unitsOnLabelledLinesUnderTheTask() {
    ParsedPlan plan =
        PlanFixtures.parse(
            """
        青石区法治政府建设重点任务分工方案

        一、深化“放管服”改革
        1．全面推行证明事项告知承诺制，建立事中事后核查机制。
        牵头单位：区司法局
        责任单位：区政务服务中心
        配合单位：各街道办事处、各镇人民政府

        2．持续优化法治化营商环境，清理妨碍公平竞争的规定。

        责任领导：王明

        牵头单位：区发展改革委

        配合单位：区市场监管局，区税务局

        二、加强行政执法监督
        3．健全行政执法监督机制，2023年上半年建成执法监督平台。
        """);
    ParsedTask first = only(plan, 1);
    assertThat(first.text()).isEqualTo("全面推行证明事项告知承诺制，建立事中事后核查机制。");
    assertThat(first.leadUnits()).containsExactly("区司法局");
    assertThat(first.responsibleUnits()).containsExactly("区政务服务中心", "各街道办事处", "各镇人民政府");
    assertThat(first.annotation()).isEqualTo("牵头单位：区司法局；责任单位：区政务服务中心；配合单位：各街道办事处、各镇人民政府");
    ParsedTask second = only(plan, 2);
    assertThat(second.leadUnits()).containsExactly("区发展改革委");
    assertThat(second.responsibleUnits()).containsExactly("区市场监管局", "区税务局").doesNotContain("王明");
    assertThat(second.text()).isEqualTo("持续优化法治化营商环境，清理妨碍公平竞争的规定。");
    ParsedTask third = only(plan, 3);
    assertThat(third.leadUnits()).isEmpty();
    assertThat(third.responsibleUnits()).isEmpty();
    assertThat(third.needsAssignment()).isTrue();
    assertThat(third.milestones())
        .containsExactly(new Milestone(LocalDate.of(2023, 6, 30), "2023年上半年建成执法监督平台"));
    assertThat(plan.warnings()).containsExactly(new ParseWarning(18, "该任务没有标注牵头单位或责任单位，需要手工指派"));
  }

  @Test
  void inlineUnitSentences() {
    ParsedPlan plan =
        PlanFixtures.parse(
            """
        白沙区2023年依法行政工作安排

        一、重点工作
        1、健全行政复议案件审理机制。（区司法局牵头，各街道配合）
        2、加强行政应诉工作，提高负责人出庭应诉率。区司法局牵头，区法院按职责分工负责。
        3、落实公平竞争审查制度。（区市场监管局负责）
        4、开展法治政府建设示范创建，区委依法治区办牵头，区司法局、各街道办事处配合。
        5、推进“双随机、一公开”监管全覆盖（各行政执法部门分别负责）
        """);
    assertThat(plan.warnings()).isEmpty();
    ParsedTask t1 = only(plan, 1);
    assertThat(t1.leadUnits()).containsExactly("区司法局");
    assertThat(t1.responsibleUnits()).containsExactly("各街道");
    assertThat(t1.byDivision()).isFalse();
    assertThat(t1.annotation()).isEqualTo("区司法局牵头，各街道配合");
    ParsedTask t2 = only(plan, 2);
    assertThat(t2.text()).isEqualTo("加强行政应诉工作，提高负责人出庭应诉率。");
    assertThat(t2.leadUnits()).containsExactly("区司法局");
    assertThat(t2.responsibleUnits()).containsExactly("区法院");
    assertThat(t2.byDivision()).as("a lead unit is named").isFalse();
    ParsedTask t3 = only(plan, 3);
    assertThat(t3.leadUnits()).as("X负责: one unit that leads and reports").containsExactly("区市场监管局");
    assertThat(t3.responsibleUnits()).isEmpty();
    assertThat(t3.byDivision()).isFalse();
    assertThat(t3.needsAssignment()).isFalse();
    ParsedTask t4 = only(plan, 4);
    assertThat(t4.text()).isEqualTo("开展法治政府建设示范创建");
    assertThat(t4.leadUnits()).containsExactly("区委依法治区办");
    assertThat(t4.responsibleUnits()).containsExactly("区司法局", "各街道办事处");
    ParsedTask t5 = only(plan, 5);
    assertThat(t5.text()).isEqualTo("推进“双随机、一公开”监管全覆盖");
    assertThat(t5.responsibleUnits()).containsExactly("各行政执法部门");
    assertThat(t5.byDivision()).isTrue();
  }

  @Test
  void ordinaryTextIsNotMistakenForAnInlineUnitSentence() {
    ParsedPlan plan =
        PlanFixtures.parse(
            """
        一、工作任务
        1.加强部门间协作，推动各部门协同。（牵头单位：区司法局）
        2.完善工作机制，推动各部门协同
        """);
    assertThat(only(plan, 1).leadUnits()).containsExactly("区司法局");
    assertThat(only(plan, 2).text()).isEqualTo("完善工作机制，推动各部门协同");
    assertThat(only(plan, 2).responsibleUnits()).isEmpty();
  }

  @Test
  void responsibleLeaderIsAPersonNotAUnit() {
    ParsedPlan plan =
        PlanFixtures.parse(
            """
        红岩区法治政府建设任务清单
        一、健全依法决策机制
        1.严格执行重大行政决策程序，建立决策后评估制度。（责任领导：张三；牵头单位：区司法局；责任单位：区发展改革委、区财政局）
        2.推行政府法律顾问制度。（分管领导：李四；牵头单位：区政府办公室；协办单位：区司法局；联系人：赵六）
        """);
    assertThat(plan.warnings()).isEmpty();
    assertThat(only(plan, 1).leadUnits()).containsExactly("区司法局");
    assertThat(only(plan, 1).responsibleUnits()).containsExactly("区发展改革委", "区财政局");
    assertThat(only(plan, 1).annotation()).startsWith("责任领导：张三；");
    assertThat(only(plan, 2).leadUnits()).containsExactly("区政府办公室");
    assertThat(only(plan, 2).responsibleUnits()).containsExactly("区司法局");
  }

  @Test
  void chineseNumberedTasksDirectlyUnderChapters() {
    ParsedPlan plan =
        PlanFixtures.parse(
            """
        金竹县2023年法治政府建设任务清单

        一、总体要求
        （一）指导思想。坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻习近平法治思想。
        （二）工作目标。到2025年，法治政府建设取得明显成效。

        二、重点任务
        （一）健全行政决策制度。严格落实重大行政决策程序。（牵头单位：县政府办公室；责任单位：各部门）
        （二）规范行政执法行为。全面推行行政执法三项制度。（牵头单位：县司法局；责任单位：各行政执法部门）

        三、保障措施
        （三）加强组织领导。把法治政府建设纳入年度工作计划。（县委组织部牵头，各部门配合）
        （四）强化督促考核，2024年第一季度开展专项督察。（牵头单位：县委依法治县办）
        """);
    assertThat(plan.warnings()).isEmpty();
    assertThat(plan.tasks()).extracting(ParsedTask::number).containsExactly(1, 2, 3, 4);
    assertThat(plan.tasks()).extracting(ParsedTask::chapter).containsExactly("二", "二", "三", "三");
    assertThat(plan.tasks()).extracting(ParsedTask::section).containsOnlyNulls();
    assertThat(plan.chapters().get(0).sections())
        .extracting(Section::title)
        .containsExactly("指导思想", "工作目标");
    assertThat(plan.chapters().get(1).sections()).isEmpty();
    ParsedTask first = only(plan, 1);
    assertThat(first.text()).isEqualTo("健全行政决策制度。严格落实重大行政决策程序。");
    assertThat(first.leadUnits()).containsExactly("县政府办公室");
    assertThat(only(plan, 3).leadUnits()).containsExactly("县委组织部");
    assertThat(only(plan, 3).responsibleUnits()).containsExactly("各部门");
    assertThat(only(plan, 4).milestones())
        .containsExactly(new Milestone(LocalDate.of(2024, 3, 31), "2024年第一季度开展专项督察"));
  }

  @Test
  void chineseNumberedTasksRestartingInEachChapterAreRenumbered() {
    ParsedPlan plan =
        PlanFixtures.parse(
            """
        二、重点任务
        （一）健全行政决策制度。（牵头单位：县政府办公室；责任单位：各部门）
        （二）规范行政执法行为。（牵头单位：县司法局；责任单位：各行政执法部门）
        三、保障措施
        （一）加强组织领导。（牵头单位：县委组织部）
        （二）强化督促考核。（牵头单位：县委依法治县办）
        """);
    assertThat(plan.tasks()).extracting(ParsedTask::number).containsExactly(1, 2, 3, 4);
    assertThat(plan.tasks()).extracting(ParsedTask::chapter).containsExactly("二", "二", "三", "三");
    assertThat(plan.tasks()).extracting(ParsedTask::line).containsExactly(2, 3, 5, 6);
    assertThat(plan.warnings())
        .extracting(ParseWarning::message)
        .containsExactly("未识别到方案标题，已暂用“未命名的任务分解方案”，请在导入后补充", "任务编号在各章中分别从1开始，已按出现顺序统一重新编号为1—4");
    assertThat(plan.title()).isEqualTo(PlanParser.UNTITLED);
    assertThat(plan.warnings()).extracting(ParseWarning::line).containsExactly(1, 5);
  }

  @Test
  void arabicNumberingRestartingInEachChapterIsRenumberedWithOneWarning() {
    ParsedPlan plan =
        PlanFixtures.parse(
            """
        南山区法治政府建设实施方案

        一、健全依法行政制度体系
        （一）加强规范性文件管理
        1.严格合法性审核。（牵头单位：区司法局；责任单位：各部门）
        2.开展文件清理。（牵头单位：区司法局；责任单位：各部门）
        二、推进严格规范公正文明执法
        （二）深化执法体制改革
        1.推进综合执法。（牵头单位：区委编办；责任单位：各街道）
        （三）完善执法程序
        2.落实执法三项制度。（牵头单位：区司法局；责任单位：各执法部门）
        3.规范涉企检查。（区市场监管局等有关部门按职责分工负责）
        """);
    assertThat(plan.tasks()).extracting(ParsedTask::number).containsExactly(1, 2, 3, 4, 5);
    assertThat(plan.tasks())
        .extracting(ParsedTask::section)
        .containsExactly("（一）", "（一）", "（二）", "（三）", "（三）");
    assertThat(plan.warnings())
        .containsExactly(new ParseWarning(9, "任务编号在各章中分别从1开始，已按出现顺序统一重新编号为1—5"));
    ParsedTask last = only(plan, 5);
    assertThat(last.responsibleUnits()).containsExactly("区市场监管局", "有关部门");
    assertThat(last.byDivision()).isTrue();
    assertThat(last.needsAssignment()).isFalse();
  }

  @Test
  void skippedAndRepeatedNumbersGiveWarnings() {
    ParsedPlan skipped =
        PlanFixtures.parse(
            """
        西河区法治政府建设任务分解方案
        一、任务
        1.第一项任务。（牵头单位：区司法局）
        2.第二项任务。（牵头单位：区司法局）
        4.第四项任务。（牵头单位：区司法局）
        """);
    assertThat(skipped.tasks()).extracting(ParsedTask::number).containsExactly(1, 2, 4);
    assertThat(skipped.warnings()).containsExactly(new ParseWarning(5, "任务编号不连续：上一项是2，此项是4"));

    ParsedPlan repeated =
        PlanFixtures.parse(
            """
        西河区法治政府建设任务分解方案
        一、任务
        1.第一项任务。（牵头单位：区司法局）
        2.第二项任务。（牵头单位：区司法局）
        2.又一项任务。（牵头单位：区司法局）
        3.第三项任务。（牵头单位：区司法局）
        """);
    assertThat(repeated.tasks()).extracting(ParsedTask::number).containsExactly(1, 2, 3, 4);
    assertThat(repeated.tasks()).extracting(ParsedTask::text).contains("又一项任务。");
    assertThat(repeated.warnings())
        .extracting(ParseWarning::message)
        .containsExactlyInAnyOrder("任务编号2重复", "因任务编号重复，已按出现顺序统一重新编号为1—4");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.", "1．", "1、", "（1）", "(1)", "1)", "1）"})
  void arabicNumberStyles(String first) {
    String style = first.replace("1", "%d");
    String text =
        "北湖区法治政府建设任务分解方案\n一、任务\n"
            + String.format(style, 1)
            + "完善行政裁决制度。（牵头单位：区司法局；责任单位：各街道）\n"
            + String.format(style, 2)
            + "推进行政复议规范化建设。（牵头单位：区司法局）\n"
            + String.format(style, 3)
            + "加强法治宣传。（区委宣传部、区司法局按职责分工负责）\n";
    ParsedPlan plan = PlanFixtures.parse(text);
    assertThat(plan.warnings()).isEmpty();
    assertThat(plan.tasks()).extracting(ParsedTask::number).containsExactly(1, 2, 3);
    assertThat(plan.tasks())
        .extracting(ParsedTask::text)
        .containsExactly("完善行政裁决制度。", "推进行政复议规范化建设。", "加强法治宣传。");
  }

  @Test
  void subItemsInTheOtherNumberStyleStayInTheTask() {
    ParsedPlan plan =
        PlanFixtures.parse(
            """
        一、任务
        1.健全行政执法制度，重点做好以下工作：
        （1）制定行政执法裁量基准；
        （2）完善执法案卷评查制度。
        （牵头单位：区司法局；责任单位：各执法部门）
        2.加强执法队伍建设。（牵头单位：区委组织部）
        """);
    assertThat(plan.tasks()).hasSize(2);
    ParsedTask first = only(plan, 1);
    assertThat(first.text()).isEqualTo("健全行政执法制度，重点做好以下工作：（1）制定行政执法裁量基准；（2）完善执法案卷评查制度。");
    assertThat(first.leadUnits()).containsExactly("区司法局");
    assertThat(first.responsibleUnits()).containsExactly("各执法部门");
  }

  @Test
  void wrappedTaskTextAndAnAnnotationOnItsOwnLine() {
    ParsedPlan plan =
        PlanFixtures.parse(
            """
        东湖区法治政府建设任务分解方案
        一、任务
        1.推进行政执法和刑事司法衔接，
        完善案件移送标准和程序。

        （牵头单位：区司法局；责任单位：区公安分局）

        本方案自印发之日起施行。
        """);
    ParsedTask t = only(plan, 1);
    assertThat(t.text()).isEqualTo("推进行政执法和刑事司法衔接，完善案件移送标准和程序。");
    assertThat(t.leadUnits()).containsExactly("区司法局");
    assertThat(t.responsibleUnits()).containsExactly("区公安分局");
    assertThat(plan.warnings()).isEmpty();
  }

  @Test
  void flattenedTableOneCellPerLine() {
    ParsedPlan plan =
        PlanFixtures.parse(
            """
        云溪区法治政府建设任务分解表

        序号
        工作任务
        牵头单位
        配合单位
        完成时限
        一、健全依法决策机制
        1
        严格落实重大行政决策程序规定，公布年度决策事项目录。
        区政府办公室
        区司法局、各部门
        2024年12月底前

        2
        推行行政规范性文件目录管理。
        区司法局

        长期坚持
        二、推进严格规范公正文明执法
        3
        落实行政执法公示、全过程记录、法制审核制度。
        区司法局
        各行政执法部门
        2024年9月30日前
        """);
    assertThat(plan.title()).isEqualTo("云溪区法治政府建设任务分解表");
    assertThat(plan.warnings()).isEmpty();
    assertThat(plan.tasks()).extracting(ParsedTask::number).containsExactly(1, 2, 3);
    assertThat(plan.tasks()).extracting(ParsedTask::chapter).containsExactly("一", "一", "二");
    assertThat(plan.tasks()).extracting(ParsedTask::line).containsExactly(9, 15, 21);
    ParsedTask first = only(plan, 1);
    assertThat(first.text()).isEqualTo("严格落实重大行政决策程序规定，公布年度决策事项目录。");
    assertThat(first.leadUnits()).containsExactly("区政府办公室");
    assertThat(first.responsibleUnits()).containsExactly("区司法局", "各部门");
    assertThat(first.milestones())
        .containsExactly(new Milestone(LocalDate.of(2024, 12, 31), "2024年12月底前"));
    assertThat(first.annotation()).isEqualTo("牵头单位：区政府办公室；配合单位：区司法局、各部门；完成时限：2024年12月底前");
    ParsedTask second = only(plan, 2);
    assertThat(second.leadUnits()).containsExactly("区司法局");
    assertThat(second.responsibleUnits()).isEmpty();
    assertThat(second.milestones()).isEmpty();
    assertThat(only(plan, 3).milestones())
        .extracting(Milestone::due)
        .containsExactly(LocalDate.of(2024, 9, 30));
  }

  @Test
  void flattenedTableWithSpacedHeadersAndBlankLinesBetweenCells() {
    ParsedPlan plan =
        PlanFixtures.parse(
            """
        石门县法治政府建设重点任务台账

        序  号

        主要任务

        责任单位

        1

        深化行政复议体制改革。

        县司法局牵头，各乡镇配合

        2

        加强行政调解工作。

        有关部门按职责分工负责

        3

        健全依法行政考核体系。

        县委依法治县办、县委组织部
        """);
    assertThat(plan.tasks()).extracting(ParsedTask::number).containsExactly(1, 2, 3);
    assertThat(only(plan, 1).leadUnits()).containsExactly("县司法局");
    assertThat(only(plan, 1).responsibleUnits()).containsExactly("各乡镇");
    assertThat(only(plan, 2).responsibleUnits()).containsExactly("有关部门");
    assertThat(only(plan, 2).byDivision()).isTrue();
    assertThat(only(plan, 2).needsAssignment()).isTrue();
    assertThat(only(plan, 3).leadUnits()).isEmpty();
    assertThat(only(plan, 3).responsibleUnits()).containsExactly("县委依法治县办", "县委组织部");
    assertThat(plan.warnings())
        .extracting(ParseWarning::message)
        .containsExactly("任务前没有章节标题（如“一、……”），任务未归入任何章节");
  }

  @Test
  void flattenedTableWithoutANumberColumn() {
    ParsedPlan plan =
        PlanFixtures.parse(
            """
        一、重点任务
        任务内容
        牵头单位
        责任单位
        完善公共法律服务体系。
        区司法局
        各街道
        推进智慧法院建设。
        区法院
        区大数据中心
        """);
    assertThat(plan.tasks()).extracting(ParsedTask::number).containsExactly(1, 2);
    assertThat(plan.tasks())
        .extracting(ParsedTask::text)
        .containsExactly("完善公共法律服务体系。", "推进智慧法院建设。");
    assertThat(only(plan, 2).leadUnits()).containsExactly("区法院");
    assertThat(only(plan, 2).responsibleUnits()).containsExactly("区大数据中心");
  }

  @Test
  void tabSeparatedTableRows() {
    ParsedPlan plan =
        PlanFixtures.parse(
            """
        凤凰区法治政府建设任务分工表
        序号\t工作任务\t牵头单位\t责任单位\t完成时限
        一、健全行政执法体系\t\t\t\t
        1\t推进综合行政执法改革。\t区委编办\t各街道、区城市管理局\t2025年年底前
        2\t规范行政裁量权基准。\t区司法局\t\t
        """);
    assertThat(plan.warnings()).isEmpty();
    assertThat(plan.chapters()).extracting(Chapter::title).containsExactly("健全行政执法体系");
    assertThat(only(plan, 1).responsibleUnits()).containsExactly("各街道", "区城市管理局");
    assertThat(only(plan, 1).milestones())
        .extracting(Milestone::due)
        .containsExactly(LocalDate.of(2025, 12, 31));
    assertThat(only(plan, 2).leadUnits()).containsExactly("区司法局");
    assertThat(only(plan, 2).line()).isEqualTo(5);
  }

  @Test
  void oddAnnotationsGiveWarningsNotExceptions() {
    ParsedPlan plan =
        PlanFixtures.parse(
            """
        石桥区法治政府建设任务分解方案
        1.没有章节的任务。（牵头单位：区司法局）
        一、任务
        责任单位：孤立的标注行
        2.标签不认识。（督办单位：区委督查室；牵头单位：区司法局）
        3.标注里没有单位。（牵头单位：；责任单位：）
        4.说不清职责。（区司法局，区公安分局牵头负责协调推进）
        """);
    assertThat(plan.tasks()).hasSize(4);
    assertThat(only(plan, 2).responsibleUnits()).containsExactly("区委督查室");
    assertThat(only(plan, 2).leadUnits()).containsExactly("区司法局");
    assertThat(only(plan, 3).needsAssignment()).isTrue();
    assertThat(only(plan, 4).annotation()).isNull();
    assertThat(only(plan, 4).text()).isEqualTo("说不清职责。（区司法局，区公安分局牵头负责协调推进）");
    assertThat(plan.warnings())
        .containsExactly(
            new ParseWarning(2, "任务前没有章节标题（如“一、……”），任务未归入任何章节"),
            new ParseWarning(4, "单位标注行「责任单位：孤立的标注行」前面没有任务，已忽略"),
            new ParseWarning(5, "未识别的单位标签「督办单位」，已按责任单位处理"),
            new ParseWarning(6, "未能从单位标注「牵头单位：；责任单位：」中识别出单位，需要手工指派"),
            new ParseWarning(7, "未能理解单位标注「区司法局，区公安分局牵头负责协调推进」，该任务没有牵头单位，需要手工指派"));
    assertThat(only(plan, 1).chapter()).isNull();
  }

  @Test
  void unitListsSplitOnlyBetweenNames() {
    ParsedPlan plan =
        PlanFixtures.parse(
            """
        一、任务
        1.加强社会保障法治建设。（牵头单位：区人力资源和社会保障局；责任单位：区住房和城乡建设委员会和各街道办事处）
        2.健全基层治理。（各街道党工委和办事处、区民政局及各社区按职责分工负责）
        3.推进依法治校。（牵头单位：区教育委员会；责任单位：各有关部门）
        4.规范公共资源交易。（区公共资源交易中心等单位按职责分工负责）
        5.加强行政复议宣传。（相关单位按职责分工负责）
        """);
    assertThat(only(plan, 1).leadUnits()).containsExactly("区人力资源和社会保障局");
    assertThat(only(plan, 1).responsibleUnits()).containsExactly("区住房和城乡建设委员会", "各街道办事处");
    assertThat(only(plan, 2).responsibleUnits()).containsExactly("各街道党工委", "办事处", "区民政局", "各社区");
    assertThat(only(plan, 3).responsibleUnits()).containsExactly("有关部门");
    assertThat(only(plan, 3).needsAssignment()).as("a lead unit is named").isFalse();
    assertThat(only(plan, 4).responsibleUnits()).containsExactly("区公共资源交易中心");
    assertThat(only(plan, 5).responsibleUnits()).containsExactly("有关部门");
    assertThat(only(plan, 5).needsAssignment()).isTrue();
  }

  @Test
  void issuerAndDateInASignatureAfterTheTasks() {
    ParsedPlan plan =
        PlanFixtures.parse(
            """
        柳江区2024年法治政府建设工作要点

        一、重点任务
        1.推进严格规范公正文明执法。（牵头单位：区司法局；责任单位：各执法部门）
        2.加强法治宣传教育。（区委宣传部、区司法局按职责分工负责）

        各单位要结合实际，抓好贯彻落实。

        柳江区全面依法治区委员会办公室
        二〇二四年三月五日
        """);
    assertThat(plan.issuer()).isEqualTo("柳江区全面依法治区委员会办公室");
    assertThat(plan.issuedOn()).isEqualTo(LocalDate.of(2024, 3, 5));
    assertThat(plan.title()).isEqualTo("柳江区2024年法治政府建设工作要点");
    assertThat(plan.warnings()).isEmpty();
  }

  @Test
  void aDeadlineCellIsNoIssueDate() {
    ParsedPlan plan =
        PlanFixtures.parse(
            """
        云溪区法治政府建设任务分解表
        序号
        工作任务
        牵头单位
        完成时限
        1
        公布年度决策事项目录。
        区政府办公室
        2024年3月31日
        """);
    assertThat(plan.issuedOn()).isNull();
    assertThat(plan.issuer()).isNull();
    assertThat(plan.tasks())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.leadUnits()).containsExactly("区政府办公室");
              assertThat(t.milestones())
                  .extracting(Milestone::due)
                  .containsExactly(LocalDate.of(2024, 3, 31));
            });
  }

  @Test
  void yearlessDeadlinesUseTheTitlesFirstYearWithoutAnIssueDate() {
    ParsedPlan plan =
        PlanFixtures.parse(
            """
        松林区法治政府建设实施方案（2023—2025年）
        一、任务
        1.9月底前完成执法证件清理。（牵头单位：区司法局）
        """);
    assertThat(plan.issuedOn()).isNull();
    assertThat(plan.tasks().get(0).milestones())
        .containsExactly(new Milestone(LocalDate.of(2023, 9, 30), "9月底前完成执法证件清理"));
  }

  @Test
  void taskNumbersAreAlwaysUniqueEvenWhenStylesMix() {
    ParsedPlan plan =
        PlanFixtures.parse(
            """
        北岸区法治政府建设任务分解方案
        一、依法决策
        （一）规范决策程序
        1.落实重大行政决策程序。（牵头单位：区政府办公室）
        2.推行法律顾问制度。（牵头单位：区司法局）
        二、保障措施
        （一）加强组织领导。（牵头单位：区委组织部）
        （二）强化考核评价。（牵头单位：区委依法治区办）
        """);
    assertThat(plan.tasks()).extracting(ParsedTask::number).containsExactly(1, 2, 3, 4);
    assertThat(plan.tasks())
        .extracting(ParsedTask::section)
        .containsExactly("（一）", "（一）", null, null);
    assertThat(plan.warnings())
        .extracting(ParseWarning::message)
        .isNotEmpty()
        .allMatch(m -> m.contains("编号"));
  }
}
