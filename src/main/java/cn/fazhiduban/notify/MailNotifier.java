package cn.fazhiduban.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Mails a notification to its {@code emails} as plain UTF-8 text. Off unless {@code
 * duban.notify.mail.enabled=true} (then {@code spring.mail.*} must name the SMTP server). A failed
 * mail is logged, never thrown: a notice that could not go out must not undo the supervision work
 * that caused it.
 */
@Component
@ConditionalOnProperty(name = "duban.notify.mail.enabled", havingValue = "true")
class MailNotifier implements Notifier {

  private static final Logger log = LoggerFactory.getLogger(MailNotifier.class);

  private final JavaMailSender mailSender;
  private final String from;

  @org.springframework.beans.factory.annotation.Autowired
  MailNotifier(JavaMailSender mailSender, NotifyProperties properties) {
    this(mailSender, properties.mail().from());
  }

  MailNotifier(JavaMailSender mailSender, String from) {
    this.mailSender = mailSender;
    this.from = from;
  }

  @Override
  public void send(Notification notification) {
    if (notification.emails().isEmpty()) {
      return;
    }
    try {
      mailSender.send(
          mime -> {
            MimeMessageHelper message = new MimeMessageHelper(mime, false, "UTF-8");
            message.setFrom(from);
            message.setTo(notification.emails().toArray(String[]::new));
            message.setSubject(notification.subject());
            message.setText(notification.body(), false);
          });
    } catch (MailException e) {
      log.warn(
          "督办通知邮件未能发送（{}，{} 个收件人）：{}",
          notification.subject(),
          notification.emails().size(),
          e.getMessage());
    }
  }
}
