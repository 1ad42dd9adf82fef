package cn.fazhiduban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plans made to be slow. Each one is either read or refused: past the deadline with {@code
 * too-slow}, or as no plan. The outcome is asserted, not the time (parse time against size is
 * recorded by {@code bench/PlanParseBench}); the bound on the time is only there to catch a
 * deadline that is not checked at all.
 */
class AdversarialPlanTest {

  private static final Duration DEADLINE = Duration.ofSeconds(1);

  /** Far above the deadline: a parse that overran it by this much did not check it. */
  private static final Duration NEVER = Duration.ofSeconds(8);

  static Stream<Arguments> plans() {
    return Stream.of(
        Arguments.of("一行里重复的标注", "一、总则\n1.任务。（" + "牵头单位：司法局；".repeat(40_000)),
        Arguments.of("重复的标注行", "一、总则\n1.任务。\n" + "牵头单位：司法局；\n".repeat(40_000)),
        Arguments.of("只开不闭的括号", "一、总则\n1.任务" + "（".repeat(500_000) + "区司法局牵头"),
        Arguments.of("只闭不开的括号", "一、总则\n1.任务" + "）".repeat(500_000) + "（区司法局牵头）"),
        Arguments.of("层层嵌套的括号", "一、总则\n1.任务" + "（牵头".repeat(100_000) + "）".repeat(100_000)),
        Arguments.of("一行5MB", "一、总则\n1." + fiveMegabytes("加强法治建设，区司法局牵头，")),
        Arguments.of("一行5MB的逗号和名称", "一、总则\n1.任务（" + fiveMegabytes("区司法局和区法院、") + "牵头）"),
        Arguments.of("重复的书名号和日期", "一、总则\n1.任务" + "《2024年底".repeat(200_000)),
        Arguments.of("重复的表头", "序号\n工作任务\n牵头单位\n\n".repeat(50_000)),
        Arguments.of("标题前重复的印发《", "关于印发《".repeat(300_000) + "\n一、总则\n1.任务。（区司法局牵头）"),
        Arguments.of(
            "满是空格的一行",
            "某区 "
                + " ".repeat(1_000_000)
                + "2024年1月1日\n一、总则\n1.任务。（区司法局 "
                + " ".repeat(1_000_000)
                + "牵头）"),
        Arguments.of("许多任务", "一、总则\n" + "1.加强法治建设。（区司法局牵头，各街道配合）\n".repeat(20_000)));
  }

  private static String fiveMegabytes(String unit) {
    int bytes = unit.getBytes(StandardCharsets.UTF_8).length;
    return unit.repeat(5 * 1024 * 1024 / bytes + 1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void isReadOrRefused(String name, String text) {
    long start = System.nanoTime();
    try {
      ParsedPlan plan =
          new PlanParser().parse(text, PlanFixtures.TODAY, new PlanParser.Options(DEADLINE, null));
      assertThat(plan.tasks()).isNotEmpty();
      assertThat(plan.tasks())
          .allSatisfy(t -> assertThat(t.text().length()).isLessThanOrEqualTo(20_000));
    } catch (PlanParseException e) {
      assertThat(e.code()).isIn(PlanParseException.TOO_SLOW, PlanParseException.NOT_A_PLAN);
      assertThat(e.getMessage()).containsPattern("\\p{IsHan}");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(NEVER);
  }

  @Test
  void aParsePastItsDeadlineIsRefusedWithAClearMessage() {
    String big = PlanFixtures.seed().repeat(20);
    assertThatThrownBy(
            () ->
                new PlanParser()
                    .parse(
                        big, PlanFixtures.TODAY, new PlanParser.Options(Duration.ofNanos(1), null)))
        .isInstanceOfSatisfying(
            PlanParseException.class,
            e -> {
              assertThat(e.code()).isEqualTo(PlanParseException.TOO_SLOW);
              assertThat(e.getMessage()).startsWith("方案解析超过").contains("已停止");
            });
  }

  @Test
  void theRepeatedAnnotationOfTheReportIsReadInOnePass() {
    // 40k repeats took 28 s when reading was quadratic; without a deadline it must still finish,
    // with its one unit
    ParsedPlan plan =
        new PlanParser()
            .parse(
                "一、总则\n1.任务。（" + "牵头单位：司法局；".repeat(40_000),
                PlanFixtures.TODAY,
                new PlanParser.Options(null, null));
    assertThat(plan.tasks())
        .singleElement()
        .satisfies(t -> assertThat(t.leadUnits()).containsExactly("司法局"));
  }
}
