package cn.fazhiduban.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class MailNotifierTest {

  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static JavaMailSenderImpl senderOnPort(int port) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
    sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
    return sender;
  }

  @Test
  void mailsTheNoticeInChineseToEveryAddress() throws Exception {
    MailNotifier notifier =
        new MailNotifier(senderOnPort(smtp.getSmtp().getPort()), "duban@fazhi.example");
    Notification notification =
        new Notification(
            12,
            "健全依法决策机制",
            "组织人事部",
            "ZZRSB",
            NotificationTest.DUE,
            Notification.WARNING,
            List.of("承办单位"),
            List.of("a@example.org", "b@example.org"));

    notifier.send(notification);

    assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
    MimeMessage received = smtp.getReceivedMessages()[0];
    assertThat(received.getSubject()).isEqualTo("【法治督办】警示：任务12 组织人事部");
    assertThat(received.getFrom()).containsExactly(new InternetAddress("duban@fazhi.example"));
    assertThat(received.getContentType())
        .containsIgnoringCase("text/plain")
        .containsIgnoringCase("UTF-8");
    assertThat(((String) received.getContent()).replace("\r\n", "\n"))
        .isEqualTo(notification.body());
    assertThat(received.getRecipients(Message.RecipientType.TO))
        .containsExactly(
            new InternetAddress("a@example.org"), new InternetAddress("b@example.org"));
    assertThat(smtp.getReceivedMessagesForDomain("example.org"))
        .as("one delivery per address")
        .hasSize(2);
  }

  @Test
  void sendsNothingWithoutAddresses() {
    MailNotifier notifier =
        new MailNotifier(senderOnPort(smtp.getSmtp().getPort()), "duban@localhost");

    notifier.send(
        new Notification(
            12,
            "健全依法决策机制",
            "组织人事部",
            "ZZRSB",
            NotificationTest.DUE,
            Notification.REMINDER,
            List.of("承办单位"),
            List.of()));

    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void anUnreachableServerIsLoggedNotThrown() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    MailNotifier notifier = new MailNotifier(senderOnPort(closedPort), "duban@localhost");
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    Logger logger = (Logger) LoggerFactory.getLogger(MailNotifier.class);
    logger.addAppender(logged);
    try {
      assertThatCode(() -> notifier.send(NotificationTest.notification(Notification.INTERVIEW)))
          .doesNotThrowAnyException();

      assertThat(logged.list)
          .singleElement()
          .satisfies(
              event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).contains("未能发送").contains("约谈：任务12");
              });
    } finally {
      logger.detachAppender(logged);
    }
  }
}
