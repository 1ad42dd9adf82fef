package cn.fazhiduban.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class CompositeNotifierTest {

  private static final Notification NOTICE =
      NotificationTest.notification(Notification.LISTED_SUPERVISION);

  static class Recording implements Notifier {
    final List<Notification> sent = new ArrayList<>();

    @Override
    public void send(Notification notification) {
      sent.add(notification);
    }
  }

  @Test
  void everyChannelGetsTheNoticeEvenWhenOneFails() {
    Recording first = new Recording();
    Notifier failing =
        notification -> {
          throw new IllegalStateException("channel down");
        };
    Recording last = new Recording();

    assertThatCode(() -> new CompositeNotifier(List.of(first, failing, last)).send(NOTICE))
        .doesNotThrowAnyException();

    assertThat(first.sent).containsExactly(NOTICE);
    assertThat(last.sent).containsExactly(NOTICE);
  }

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withBean(JavaMailSender.class, JavaMailSenderImpl::new)
          .withBean(Recording.class)
          // application.yaml's defaults
          .withPropertyValues(
              "duban.notify.mail.enabled=false", "duban.notify.mail.from=duban@localhost")
          .withUserConfiguration(
              NotifyConfiguration.class,
              LogNotifier.class,
              MailNotifier.class,
              CompositeNotifier.class);

  /** Binds duban.notify.* as the application does ({@code @ConfigurationPropertiesScan}). */
  @EnableConfigurationProperties(NotifyProperties.class)
  static class NotifyConfiguration {}

  @Test
  void callersGetTheCompositeAndMailIsOffByDefault() {
    context.run(
        app -> {
          assertThat(app).getBean(Notifier.class).isInstanceOf(CompositeNotifier.class);
          assertThat(app).doesNotHaveBean(MailNotifier.class);

          app.getBean(Notifier.class).send(NOTICE);

          assertThat(app.getBean(Recording.class).sent).containsExactly(NOTICE);
        });
  }

  @Test
  void mailIsOnWhenEnabled() {
    context
        .withPropertyValues("duban.notify.mail.enabled=true")
        .run(
            app -> {
              assertThat(app).hasSingleBean(MailNotifier.class);
              assertThat(app).getBean(Notifier.class).isInstanceOf(CompositeNotifier.class);
            });
  }
}
