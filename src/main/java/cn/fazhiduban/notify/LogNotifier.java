package cn.fazhiduban.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Always on: every notification leaves a line in the log, whatever other channels do. */
@Component
class LogNotifier implements Notifier {

  private static final Logger log = LoggerFactory.getLogger(LogNotifier.class);

  @Override
  public void send(Notification notification) {
    log.info("督办通知 {} → {}", notification.subject(), String.join("、", notification.recipients()));
  }
}
