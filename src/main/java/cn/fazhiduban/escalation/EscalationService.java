package cn.fazhiduban.escalation;

import cn.fazhiduban.calendar.WorkingCalendar;
import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.engine.FormValues;
import cn.fazhiduban.engine.SupervisionKeys;
import cn.fazhiduban.escalation.Escalation.ClosedBy;
import cn.fazhiduban.escalation.Escalation.Status;
import cn.fazhiduban.escalation.EscalationDecision.Outcome;
import cn.fazhiduban.escalation.EscalationProcess.Typed;
import cn.fazhiduban.supervision.BeijingTime;
import cn.fazhiduban.supervision.SupervisedWork;
import cn.fazhiduban.supervision.SupervisedWork.WorkItemView;
import cn.fazhiduban.web.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The escalation ladder 提醒 → 警示 → 挂牌督办 → 通报 → 约谈. Each evaluation asks the decision table {@code
 * escalation-level}; from 挂牌督办 up an {@code escalation} instance gives 依法治区办 its work. Runs inside
 * the engine's transaction (supervision's events, task listeners) or its own (the API). Notices go
 * out after commit ({@link EscalationNotices}).
 */
@Service
@Transactional
public class EscalationService {

  private static final Logger log = LoggerFactory.getLogger(EscalationService.class);

  private final EscalationRepository escalations;
  private final EscalationActionRepository actions;
  private final SupervisedWork work;
  private final WorkingCalendar calendar;
  private final EscalationDecision decisionTable;
  private final RuntimeService runtimeService;
  private final EscalationNotices notices;
  private final EngineClock clock;

  EscalationService(
      EscalationRepository escalations,
      EscalationActionRepository actions,
      SupervisedWork work,
      WorkingCalendar calendar,
      EscalationDecision decisionTable,
      RuntimeService runtimeService,
      EscalationNotices notices,
      EngineClock clock) {
    this.escalations = escalations;
    this.actions = actions;
    this.work = work;
    this.calendar = calendar;
    this.decisionTable = decisionTable;
    this.runtimeService = runtimeService;
    this.notices = notices;
    this.clock = clock;
  }

  /** The reminder before the due date (提醒). Work that is done, or already overdue, needs none. */
  public void remind(long workItemId) {
    WorkItemView item = workItem(workItemId);
    Instant now = clock.now();
    if (!item.status().awaitsUnit() || !now.isBefore(item.dueAt())) {
      return;
    }
    int daysLeft = calendar.workingDaysBetween(clock.today(), dueDate(item));
    climb(item, -Math.max(daysLeft, 1), now);
  }

  /**
   * The overdue evaluation: at the due date, whatever day that is (警示 is due then), and after that
   * once a working day while the work stays overdue.
   */
  public void evaluate(long workItemId) {
    WorkItemView item = workItem(workItemId);
    Instant now = clock.now();
    LocalDate today = clock.today();
    if (!item.status().awaitsUnit() || now.isBefore(item.dueAt()) || closedByOfficeSinceDue(item)) {
      return;
    }
    boolean firstOverdue =
        escalations
            .findFirstByWorkItemIdAndStatus(item.id(), Status.OPEN)
            .map(open -> !open.getLevel().isAtLeast(EscalationLevel.WARNING))
            .orElse(true);
    if (!firstOverdue && !calendar.isWorkingDay(today)) {
      return;
    }
    climb(item, calendar.workingDaysBetween(dueDate(item), today), now);
  }

  /** The unit submitted the overdue report or rectification: its escalation ends by itself. */
  public void workDone(long workItemId) {
    escalations
        .findFirstByWorkItemIdAndStatus(workItemId, Status.OPEN)
        .ifPresent(
            open -> {
              open.close(ClosedBy.WORK_DONE, null, "承办单位已报送", clock.now());
              work.escalationChanged(workItemId, null);
              correlate(EscalationProcess.Messages.WORK_DONE, open);
            });
  }

  /**
   * An administrator cancelled the supervision of the work item: its open escalation closes with
   * the engine's reason and its escalation instance, if any, is deleted with the same reason.
   */
  public void supervisionCancelled(long workItemId, String reason) {
    escalations
        .findFirstByWorkItemIdAndStatus(workItemId, Status.OPEN)
        .ifPresent(
            open -> {
              open.close(ClosedBy.CANCELLED, null, "督办已撤销：" + reason, clock.now());
              work.escalationChanged(workItemId, null);
              if (open.getProcessInstanceId() != null
                  && runtimeService
                          .createProcessInstanceQuery()
                          .processInstanceId(open.getProcessInstanceId())
                          .count()
                      > 0) {
                runtimeService.deleteProcessInstance(
                    open.getProcessInstanceId(), "督办已撤销：" + reason);
              }
            });
  }

  /**
   * An administrator deleted an escalation instance itself: the escalation it served closes with
   * the reason.
   */
  public void instanceCancelled(String processInstanceId, String reason) {
    escalations
        .findFirstByProcessInstanceIdAndStatus(processInstanceId, Status.OPEN)
        .ifPresent(
            open -> {
              open.close(
                  ClosedBy.CANCELLED, null, reason == null ? "督办流程已被管理员撤销" : reason, clock.now());
              work.escalationChanged(open.getWorkItemId(), null);
            });
  }

  /**
   * 依法治区办 closes an open escalation, giving its reason ({@code POST /api/escalations/{id}/close}).
   */
  public Escalation closeByOffice(long escalationId, String reason, String user) {
    Escalation escalation =
        escalations
            .findById(escalationId)
            .orElseThrow(() -> ApiException.notFound("督办事项 " + escalationId));
    close(escalation, reason, user);
    correlate(EscalationProcess.Messages.CLOSED_BY_OFFICE, escalation);
    return escalation;
  }

  /**
   * 依法治区办 closes the work item's open escalation from Tasklist (跟踪督办), by the same rules as {@link
   * #closeByOffice}; the escalation instance ends by its own flow, so no message is sent.
   */
  public Escalation closeFromTasklist(long workItemId, String reason, String user) {
    Escalation escalation =
        escalations
            .findFirstByWorkItemIdAndStatus(workItemId, Status.OPEN)
            .orElseThrow(
                () -> new ApiException(HttpStatus.CONFLICT, "already-closed", "该督办事项已经结束，无需再关闭。"));
    close(escalation, reason, user);
    return escalation;
  }

  private void close(Escalation escalation, String reason, String user) {
    if (escalation.getStatus() != Status.OPEN) {
      throw new ApiException(HttpStatus.CONFLICT, "already-closed", "该督办事项已经结束，无需再关闭。");
    }
    String text = reason == null ? "" : reason.strip();
    if (text.isEmpty() || text.length() > 1000) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "invalid", "请填写关闭原因（不超过 1000 字）。");
    }
    escalation.close(ClosedBy.OFFICE, user, text, clock.now());
    work.escalationChanged(escalation.getWorkItemId(), null);
  }

  /** A 督办通知书 recorded by 依法治区办 in the escalation instance. */
  public void recordNotice(
      SupervisionKeys keys, String text, LocalDate deadline, String copyTo, String user) {
    if (deadline.isBefore(clock.today())) {
      throw FormValues.invalid(EscalationProcess.Variables.NOTICE_DEADLINE, "办理期限不能早于今天。");
    }
    actions.save(
        EscalationAction.notice(workItem(keys).id(), text, deadline, copyTo, user, clock.now()));
  }

  /** A 约谈 recorded by 依法治区办 in the escalation instance. */
  public void recordInterview(
      SupervisionKeys keys, LocalDate heldOn, String attendees, String minutes, String user) {
    actions.save(
        EscalationAction.interview(
            workItem(keys).id(), heldOn, attendees, minutes, user, clock.now()));
  }

  private void climb(WorkItemView item, int daysOverdue, Instant now) {
    Outcome decision =
        decisionTable.decide(
            daysOverdue, earlierEscalations(item), milestoneThisYear(item, clock.today()));
    Optional<Escalation> open = escalations.findFirstByWorkItemIdAndStatus(item.id(), Status.OPEN);
    if (open.isPresent() && open.get().getLevel().isAtLeast(decision.level())) {
      requestInterviewIfDue(item, open.get());
      return;
    }
    open.ifPresent(
        lower -> lower.close(ClosedBy.RAISED, null, "升级为" + decision.level().label(), now));
    Escalation escalation =
        escalations.save(
            new Escalation(item, decision.level(), daysOverdue, decision.recipients(), now));
    work.escalationChanged(item.id(), decision.level().label());
    log.info(
        "督办升级：任务 {} {} → {}（{}）",
        item.taskNo(),
        item.unitName(),
        decision.level().label(),
        daysOverdue < 0 ? "距截止 " + -daysOverdue + " 个工作日" : "逾期 " + daysOverdue + " 个工作日");
    if (decision.level().isAtLeast(EscalationLevel.SUPERVISED)) {
      escalation.linkProcessInstance(escalationInstance(item, decision.level()).getId());
      requestInterviewIfDue(item, escalation);
    }
    notices.raised(escalation, item, decision.recipients());
  }

  private ProcessInstance escalationInstance(WorkItemView item, EscalationLevel level) {
    String key = SupervisionKeys.of(item.roundId(), item.taskNo(), item.unitCode());
    ProcessInstance running =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(EscalationProcess.PROCESS_ID)
            .processInstanceBusinessKey(key)
            .singleResult();
    if (running != null) {
      Typed.LEVEL.set(runtimeService, running.getId(), level.label());
      return running;
    }
    VariableMap variables = Variables.createVariables();
    Typed.WORK_ITEM_ID.put(variables, item.id());
    Typed.ROUND_ID.put(variables, item.roundId());
    Typed.TASK_NO.put(variables, item.taskNo());
    Typed.UNIT_CODE.put(variables, item.unitCode());
    Typed.UNIT_NAME.put(variables, item.unitName());
    Typed.TASK_TITLE.put(variables, item.taskTitle());
    Typed.LEVEL.put(variables, level.label());
    Typed.DUE_AT.put(variables, Date.from(item.dueAt()));
    Typed.DUE_AT_TEXT.put(variables, BeijingTime.text(item.dueAt()));
    return runtimeService
        .createProcessInstanceByKey(EscalationProcess.PROCESS_ID)
        .businessKey(key)
        .setVariables(variables)
        .execute();
  }

  /**
   * At 约谈 the instance asks the office to hold the interview, once: only when it waits for that
   * request (it may still be at the notice, then the next evaluation asks) and no interview was
   * recorded since the level was reached.
   */
  private void requestInterviewIfDue(WorkItemView item, Escalation escalation) {
    if (escalation.getLevel() != EscalationLevel.INTERVIEW
        || escalation.getProcessInstanceId() == null) {
      return;
    }
    boolean held =
        actions.findByWorkItemIdOrderById(item.id()).stream()
            .anyMatch(
                a ->
                    a.getKind() == EscalationAction.Kind.INTERVIEW
                        && !a.getRecordedAt().isBefore(escalation.getSince()));
    boolean waiting =
        runtimeService
                .createEventSubscriptionQuery()
                .processInstanceId(escalation.getProcessInstanceId())
                .eventName(EscalationProcess.Messages.INTERVIEW_REQUIRED)
                .count()
            > 0;
    if (!held && waiting) {
      runtimeService
          .createMessageCorrelation(EscalationProcess.Messages.INTERVIEW_REQUIRED)
          .processInstanceId(escalation.getProcessInstanceId())
          .correlate();
    }
  }

  private void correlate(String message, Escalation escalation) {
    runtimeService
        .createMessageCorrelation(message)
        .processInstanceBusinessKey(
            SupervisionKeys.of(
                escalation.getRoundId(), escalation.getTaskNo(), escalation.getUnitCode()))
        .correlateAll();
  }

  private int earlierEscalations(WorkItemView item) {
    return (int)
        escalations.countByWorkItemIdAndStatusAndClosedByIn(
            item.id(), Status.CLOSED, List.of(ClosedBy.WORK_DONE, ClosedBy.OFFICE));
  }

  /**
   * The office closed this item's escalation after the current due date passed: this episode is
   * settled.
   */
  private boolean closedByOfficeSinceDue(WorkItemView item) {
    return escalations.findByWorkItemIdOrderById(item.id()).stream()
        .anyMatch(e -> e.getClosedBy() == ClosedBy.OFFICE && e.getClosedAt().isAfter(item.dueAt()));
  }

  private static boolean milestoneThisYear(WorkItemView item, LocalDate today) {
    return item.milestones().stream().anyMatch(due -> due.getYear() == today.getYear());
  }

  private WorkItemView workItem(long id) {
    return work.workItem(id).orElseThrow(() -> new IllegalStateException("找不到工作项 " + id));
  }

  private WorkItemView workItem(SupervisionKeys keys) {
    return work.workItem(keys.roundId(), keys.task(), keys.unitCode())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "找不到工作项：轮次 "
                        + keys.roundId()
                        + "，任务 "
                        + keys.taskNo()
                        + "，单位 "
                        + keys.unitCode()));
  }

  private static LocalDate dueDate(WorkItemView item) {
    return item.dueAt().atZone(EngineClock.ZONE).toLocalDate();
  }
}
