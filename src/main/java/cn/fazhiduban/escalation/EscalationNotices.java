package cn.fazhiduban.escalation;

import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.identity.Groups;
import cn.fazhiduban.notify.Notification;
import cn.fazhiduban.notify.Notifier;
import cn.fazhiduban.supervision.SupervisedWork;
import cn.fazhiduban.supervision.SupervisedWork.WorkItemView;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every new level of the ladder owes one notice. It is recorded in the engine's transaction and
 * sent only after that transaction commits: a rolled-back timer job sends nothing, its retry sends
 * once, and the unique key on (escalation, level) keeps it at one notice however often the work is
 * retried. Sending runs on a thread of its own: the committing thread still holds its database
 * connection when after-commit listeners run, and a transaction of the listener's own there would
 * take a second one; enough such threads at once (timer jobs, requests) would wait on each other
 * for the pool. A notice still unsent minutes after it was owed (its node died between the commit
 * and the sending) is sent by the next sweep, on whichever node runs it first.
 */
@Component
public class EscalationNotices {

  private static final Logger log = LoggerFactory.getLogger(EscalationNotices.class);

  /** How long after it was owed an unsent notice counts as lost with its node. */
  private static final Duration OVERDUE_AFTER = Duration.ofMinutes(5);

  private final EscalationNoticeRepository notices;
  private final IdentityService identityService;
  private final ApplicationEventPublisher events;
  private final Notifier notifier;
  private final EngineClock clock;
  private final EscalationRepository escalations;
  private final SupervisedWork work;
  private final TransactionTemplate transactions;
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "duban-notice-sender");
            thread.setDaemon(true);
            return thread;
          });

  EscalationNotices(
      EscalationNoticeRepository notices,
      IdentityService identityService,
      ApplicationEventPublisher events,
      Notifier notifier,
      EngineClock clock,
      EscalationRepository escalations,
      SupervisedWork work,
      PlatformTransactionManager transactionManager) {
    this.notices = notices;
    this.identityService = identityService;
    this.events = events;
    this.notifier = notifier;
    this.clock = clock;
    this.escalations = escalations;
    this.work = work;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** Notices already handed over are sent before the application stops. */
  @PreDestroy
  void finishSending() throws InterruptedException {
    sender.shutdown();
    if (!sender.awaitTermination(10, TimeUnit.SECONDS)) {
      log.warn("停止时仍有督办通知未发送完");
    }
  }

  /** Sent after commit: the notice's id and what it says. */
  record NoticeOwed(long noticeId, Notification notification) {}

  /** In the engine's transaction: owe the notice of a new escalation. */
  void raised(Escalation escalation, WorkItemView item, String recipients) {
    EscalationNotice notice =
        notices.saveAndFlush(
            new EscalationNotice(escalation.getId(), escalation.getLevel(), clock.now()));
    events.publishEvent(
        new NoticeOwed(notice.getId(), notification(item, escalation.getLevel(), recipients)));
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void committed(NoticeOwed owed) {
    sender.execute(() -> transactions.executeWithoutResult(status -> send(owed)));
  }

  /**
   * Sends the notices owed for more than five minutes and not sent: those whose node died after the
   * commit and before the sending. Each is claimed as it goes, so two nodes sweeping at once send
   * it once. Every five minutes; public for the tests.
   */
  @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
  public int sendOverdue() {
    List<NoticeOwed> owed =
        transactions.execute(
            status ->
                notices
                    .findTop100BySentAtIsNullAndCreatedAtBeforeOrderById(
                        clock.now().minus(OVERDUE_AFTER))
                    .stream()
                    .flatMap(notice -> owedAgain(notice).stream())
                    .toList());
    for (NoticeOwed notice : owed) {
      log.warn("督办通知 {} 在应发出后 5 分钟仍未发出，现补发", notice.noticeId());
      transactions.executeWithoutResult(status -> send(notice));
    }
    return owed.size();
  }

  /** The notice as it was owed: its level, and the recipients its escalation was raised with. */
  private Optional<NoticeOwed> owedAgain(EscalationNotice notice) {
    return escalations
        .findById(notice.getEscalationId())
        .flatMap(
            escalation ->
                work.workItem(escalation.getWorkItemId())
                    .map(
                        item ->
                            new NoticeOwed(
                                notice.getId(),
                                notification(item, notice.getLevel(), escalation.getNotify()))));
  }

  private void send(NoticeOwed owed) {
    if (notices.claim(owed.noticeId(), clock.now()) == 0) {
      return;
    }
    try {
      notifier.send(owed.notification());
    } catch (RuntimeException e) {
      log.error("督办通知发送失败（通知 {}）", owed.noticeId(), e);
    }
  }

  private Notification notification(WorkItemView item, EscalationLevel level, String recipients) {
    List<String> roles =
        recipients == null || recipients.isBlank()
            ? List.of()
            : List.of(recipients.split("\\s*[,，]\\s*"));
    Set<String> groups = new LinkedHashSet<>();
    for (String role : roles) {
      switch (role) {
        case "承办单位" -> groups.add(item.unitCode());
        case "牵头单位" -> groups.addAll(item.leadUnits());
        case "依法治区办" -> groups.add(Groups.OFFICE);
        case "领导" -> groups.add(Groups.LEADERS);
        default -> log.warn("决策表 escalation-level 给出了未知的通知对象：{}", role);
      }
    }
    List<String> emails = new ArrayList<>();
    for (String group : groups) {
      for (User user : identityService.createUserQuery().memberOfGroup(group).list()) {
        String email = user.getEmail();
        // .invalid addresses (RFC 2606) are the demo users'; nobody reads them.
        if (email != null
            && !email.isBlank()
            && !email.endsWith(".invalid")
            && !emails.contains(email)) {
          emails.add(email);
        }
      }
    }
    return new Notification(
        item.taskNo(),
        item.taskTitle(),
        item.unitName(),
        item.unitCode(),
        item.dueAt(),
        level.label(),
        roles,
        emails);
  }
}
