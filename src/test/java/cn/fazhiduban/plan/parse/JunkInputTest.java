package cn.fazhiduban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text that is no plan is rejected with not-a-plan and a Chinese message, never parsed into
 * nonsense.
 */
class JunkInputTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   \n\t \u3000\n",
        "hello world",
        "1. Introduction\n2. Scope\n3. Terms",
        "今天天气很好，我们去公园散步。公园里有很多人，大家都很开心。\n\n晚上回家吃饭。",
        "一、会议时间\n2024年3月1日上午9时\n二、会议地点\n区政府第一会议室",
        "经费预算1.5万元，2.3万元用于培训。",
        "1.5万元用于培训，2.3万元用于宣传。"
      })
  void rejectsTextWithoutNumberedTasks(String text) {
    assertNotAPlan(text);
  }

  @Test
  void rejectsNull() {
    assertNotAPlan(null);
  }

  @Test
  void rejectsBinaryGarbageDecodedAsText() {
    byte[] bytes = new byte[8192];
    new Random(42).nextBytes(bytes);
    assertNotAPlan(new String(bytes, StandardCharsets.ISO_8859_1));
    assertNotAPlan(new String(bytes, StandardCharsets.UTF_8));
  }

  @Test
  void aChapterHeadingAloneIsNoPlan() {
    assertNotAPlan("重庆某区法治政府建设任务分解方案\n\n一、总体要求\n坚持以习近平法治思想为指导。");
  }

  private void assertNotAPlan(String text) {
    assertThatThrownBy(() -> PlanFixtures.parse(text))
        .isInstanceOfSatisfying(
            PlanParseException.class,
            e -> {
              assertThat(e.code()).isEqualTo(PlanParseException.NOT_A_PLAN);
              assertThat(e.getMessage()).containsPattern("\\p{IsHan}");
            });
  }
}
