package cn.fazhiduban.notify;

import cn.fazhiduban.calendar.WorkingCalendar;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A supervision notice to a unit about one task.
 *
 * @param level 提醒, 警示, 挂牌督办, 通报 or 约谈
 * @param recipients the roles addressed: 承办单位, 牵头单位, 依法治区办, 领导
 * @param emails the addresses to mail; may be empty
 */
public record Notification(
    int taskNo,
    String taskTitle,
    String unitName,
    String unitCode,
    Instant dueAt,
    String level,
    List<String> recipients,
    List<String> emails) {

  public static final String REMINDER = "提醒";
  public static final String WARNING = "警示";
  public static final String LISTED_SUPERVISION = "挂牌督办";
  public static final String CIRCULATED = "通报";
  public static final String INTERVIEW = "约谈";

  private static final Map<String, String> CONSEQUENCES =
      Map.of(
          REMINDER, "该任务即将到期，请按时报送。",
          WARNING, "该任务已逾期，请立即报送，并说明逾期原因。",
          LISTED_SUPERVISION, "该任务已被挂牌督办，请单位主要负责人亲自过问，限期办结。",
          CIRCULATED, "该任务逾期未办，将予以通报。",
          INTERVIEW, "该任务经督办仍未办结，将约谈单位主要负责人。");

  private static final DateTimeFormatter CHINESE_DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  public Notification {
    Objects.requireNonNull(taskTitle, "taskTitle");
    Objects.requireNonNull(unitName, "unitName");
    Objects.requireNonNull(dueAt, "dueAt");
    if (!CONSEQUENCES.containsKey(level)) {
      throw new IllegalArgumentException("未知的督办等级：" + level);
    }
    recipients = recipients == null ? List.of() : List.copyOf(recipients);
    emails = emails == null ? List.of() : List.copyOf(emails);
  }

  /** E.g. 【法治督办】警示：任务12 组织人事部 */
  public String subject() {
    return "【法治督办】" + level + "：任务" + taskNo + " " + unitName;
  }

  public String body() {
    String unit =
        unitCode == null || unitCode.isBlank() ? unitName : unitName + "（" + unitCode + "）";
    return unit
        + "：\n\n"
        + "任务"
        + taskNo
        + "“"
        + taskTitle
        + "”的期限为 "
        + dueAtText()
        + "。\n"
        + CONSEQUENCES.get(level)
        + "\n\n"
        + "督办等级："
        + level
        + "\n"
        + (recipients.isEmpty() ? "" : "送达：" + String.join("、", recipients) + "\n")
        + "\n此通知由法治督办系统自动发送，请勿直接回复。\n";
  }

  /** The due moment in Beijing time, e.g. 2026年12月31日 18:00. */
  public String dueAtText() {
    return CHINESE_DATE_TIME.format(dueAt.atZone(WorkingCalendar.ZONE));
  }
}
