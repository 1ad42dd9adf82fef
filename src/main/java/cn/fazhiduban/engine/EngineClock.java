package cn.fazhiduban.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The one clock of the application: the engine's. Tests that move the engine clock ({@code
 * ClockUtil}) move every "now" and "today" of ours with it. Calendar dates are those of Beijing,
 * whatever the JVM's zone.
 */
@Component
public class EngineClock {

  /** The zone of every calendar date the product shows or counts: 北京时间. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public Date nowAsDate() {
    return ClockUtil.getCurrentTime();
  }

  public ZonedDateTime zonedNow() {
    return now().atZone(ZONE);
  }

  public LocalDate today() {
    return zonedNow().toLocalDate();
  }
}
