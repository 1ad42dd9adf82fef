package cn.fazhiduban.supervision;

import cn.fazhiduban.engine.EngineClock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/**
 * A due time as forms show it: {@code 2026年12月31日 18:00（北京时间）}. Camunda Forms show a Date variable
 * as the engine writes it, in the server's zone; the forms show this text instead, so what a clerk
 * reads does not depend on where the server runs.
 */
public final class BeijingTime {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm（北京时间）").withZone(EngineClock.ZONE);

  private BeijingTime() {}

  public static String text(Instant instant) {
    return instant == null ? null : FORMAT.format(instant);
  }

  public static String text(Date date) {
    return date == null ? null : text(date.toInstant());
  }
}
