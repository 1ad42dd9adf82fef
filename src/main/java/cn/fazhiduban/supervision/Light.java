package cn.fazhiduban.supervision;

import java.time.Duration;
import java.time.Instant;

/** 红黄绿灯: red overdue or escalated, yellow due within the warning window, green on track. */
enum Light {
  green,
  yellow,
  red;

  static Light of(WorkItem item, Instant now, Duration warningWindow) {
    if (item.getEscalationLevel() != null && item.getStatus() != WorkItemStatus.CLOSED) {
      return red;
    }
    if (!item.getStatus().awaitsUnit()) {
      return green;
    }
    if (now.isAfter(item.getDueAt())) {
      return red;
    }
    return now.plus(warningWindow).isAfter(item.getDueAt()) ? yellow : green;
  }

  Light worst(Light other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
