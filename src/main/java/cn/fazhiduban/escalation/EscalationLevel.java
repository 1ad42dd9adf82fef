package cn.fazhiduban.escalation;

import java.util.Arrays;

/**
 * The ladder, lowest first: 提醒 → 警示 → 挂牌督办 → 通报 → 约谈. The Chinese label is what the decision table
 * returns, what the tables store and what people read.
 */
public enum EscalationLevel {
  REMINDER("提醒"),
  WARNING("警示"),
  /** From this level on an escalation is a process instance with work for 依法治区办. */
  SUPERVISED("挂牌督办"),
  NOTICE("通报"),
  INTERVIEW("约谈");

  private final String label;

  EscalationLevel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isAtLeast(EscalationLevel other) {
    return compareTo(other) >= 0;
  }

  /**
   * The level with this label; fails for a label that is not on the ladder (e.g. a mistyped
   * decision-table cell).
   */
  public static EscalationLevel ofLabel(String label) {
    return Arrays.stream(values())
        .filter(level -> level.label.equals(label))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("不在督办阶梯上的级别：" + label));
  }
}
