package cn.fazhiduban.supervision;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.time.Instant;

/** 红黄绿灯: red overdue or escalated, yellow due within the warning window, green on track. */
enum Light {
  GREEN,
  YELLOW,
  RED;

  static Light of(WorkItem item, Instant now, Duration warningWindow) {
    if (item.getStatus() == WorkItemStatus.CANCELLED) {
      return GREEN;
    }
    if (item.getEscalationLevel() != null && item.getStatus() != WorkItemStatus.CLOSED) {
      return RED;
    }
    if (!item.getStatus().awaitsUnit()) {
      return GREEN;
    }
    if (now.isAfter(item.getDueAt())) {
      return RED;
    }
    return now.plus(warningWindow).isAfter(item.getDueAt()) ? YELLOW : GREEN;
  }

  Light worst(Light other) {
    return other.ordinal() > ordinal() ? other : this;
  }

  /** The API's spelling: {@code "green"}, {@code "yellow"}, {@code "red"}. */
  @JsonValue
  String json() {
    return name().toLowerCase();
  }
}
