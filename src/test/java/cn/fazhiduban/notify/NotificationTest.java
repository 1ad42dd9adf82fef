package cn.fazhiduban.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotificationTest {

  static final Instant DUE = Instant.parse("2026-12-31T10:00:00Z");

  static Notification notification(String level) {
    return new Notification(
        12,
        "健全依法决策机制",
        "组织人事部",
        "ZZRSB",
        DUE,
        level,
        List.of("承办单位", "依法治区办"),
        List.of("zzrsb@example.org"));
  }

  @ParameterizedTest
  @CsvSource({"提醒, 即将到期，请按时报送", "警示, 已逾期", "挂牌督办, 已被挂牌督办", "通报, 将予以通报", "约谈, 将约谈单位主要负责人"})
  void namesTaskUnitDueAndWhatTheLevelMeans(String level, String consequence) {
    Notification notification = notification(level);

    assertThat(notification.subject()).isEqualTo("【法治督办】" + level + "：任务12 组织人事部");
    assertThat(notification.body())
        .contains("任务12")
        .contains("健全依法决策机制")
        .contains("组织人事部")
        .contains("2026年12月31日 18:00")
        .contains("督办等级：" + level)
        .contains(consequence);
  }

  @Test
  void dueDateIsShownInBeijingTime() {
    Notification notification =
        new Notification(
            3,
            "标题",
            "区司法局",
            null,
            Instant.parse("2026-01-04T16:30:00Z"),
            Notification.REMINDER,
            List.of(),
            null);

    assertThat(notification.dueAtText()).isEqualTo("2026年1月5日 00:30");
    assertThat(notification.emails()).isEmpty();
    assertThat(notification.body()).startsWith("区司法局：");
  }

  @Test
  void rejectsAnUnknownLevel() {
    assertThatThrownBy(() -> notification("批评")).hasMessageContaining("未知的督办等级");
  }
}
