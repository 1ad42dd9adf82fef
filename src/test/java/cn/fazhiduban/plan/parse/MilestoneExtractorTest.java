package cn.fazhiduban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.plan.parse.ParsedPlan.Milestone;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MilestoneExtractorTest {

  private final MilestoneExtractor extractor = new MilestoneExtractor(2022);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "到2022年底，建成率达100%。|2022-12-31|到2022年底，建成率达100%",
        "2023年底前完成清理。|2023-12-31|2023年底前完成清理",
        "推进改革，2025年年底前实现全覆盖；加强督察。|2025-12-31|2025年年底前实现全覆盖",
        "12月底前报送年度报告。|2022-12-31|12月底前报送年度报告",
        "2024年6月底前完成。|2024-06-30|2024年6月底前完成",
        "2024年6月前完成。|2024-06-30|2024年6月前完成",
        "2024年2月底前完成。|2024-02-29|2024年2月底前完成",
        "2023年上半年建成平台。|2023-06-30|2023年上半年建成平台",
        "2024年第一季度开展督察。|2024-03-31|2024年第一季度开展督察",
        "2023年前三季度完成试点！|2023-09-30|2023年前三季度完成试点",
        "2023年9月30日前完成备案。|2023-09-30|2023年9月30日前完成备案",
        "6月30日前完成自查。|2022-06-30|6月30日前完成自查",
        "力争年底前全部完成。|2022-12-31|力争年底前全部完成",
        "为到2035年基本建成法治政府奠定基础。|2035-12-31|为到2035年基本建成法治政府奠定基础",
      })
  void readsDeadlines(String text, String due, String clause) {
    assertThat(extractor.extract(text))
        .containsExactly(new Milestone(LocalDate.parse(due), clause));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "确保每人每年接受不少于60学时的培训。",
        "每年12月底前报送年度报告。",
        "贯彻《法治政府建设实施纲要（2021—2025年）》。",
        "自2021年以来成效明显。",
        "自2024年6月起施行。",
        "2023年13月底前完成。",
        "按季度报送工作进展。",
      })
  void ignoresWhatIsNoDeadline(String text) {
    assertThat(extractor.extract(text)).isEmpty();
  }

  @Test
  void severalDeadlinesInOneSentenceEachRunToTheSentenceEnd() {
    assertThat(extractor.extract("2023年底前完成试点，2025年底前全面推开。"))
        .containsExactly(
            new Milestone(LocalDate.of(2023, 12, 31), "2023年底前完成试点，2025年底前全面推开"),
            new Milestone(LocalDate.of(2025, 12, 31), "2025年底前全面推开"));
  }
}
