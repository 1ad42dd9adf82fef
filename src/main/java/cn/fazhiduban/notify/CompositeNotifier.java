package cn.fazhiduban.notify;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The {@link Notifier} callers get: hands each notification to every channel; one failing channel
 * does not stop the others.
 */
@Primary
@Component
public class CompositeNotifier implements Notifier {

  private static final Logger log = LoggerFactory.getLogger(CompositeNotifier.class);

  private final List<Notifier> channels;

  /** Spring leaves this bean itself out of {@code channels}. */
  public CompositeNotifier(List<Notifier> channels) {
    this.channels = List.copyOf(channels);
  }

  @Override
  public void send(Notification notification) {
    for (Notifier channel : channels) {
      try {
        channel.send(notification);
      } catch (RuntimeException e) {
        log.warn("督办通知经 {} 发送失败：{}", channel.getClass().getSimpleName(), notification.subject(), e);
      }
    }
  }
}
