package cn.fazhiduban.escalation;

import cn.fazhiduban.calendar.WorkingCalendar;
import cn.fazhiduban.escalation.Escalation.ClosedBy;
import cn.fazhiduban.escalation.Escalation.Status;
import cn.fazhiduban.identity.Groups;
import cn.fazhiduban.notify.Notification;
import cn.fazhiduban.notify.Notifier;
import cn.fazhiduban.plan.PlanMilestone;
import cn.fazhiduban.supervision.BeijingTime;
import cn.fazhiduban.supervision.FormValues;
import cn.fazhiduban.supervision.RoundTask;
import cn.fazhiduban.supervision.RoundTaskRepository;
import cn.fazhiduban.supervision.WorkItem;
import cn.fazhiduban.supervision.WorkItemRepository;
import cn.fazhiduban.supervision.WorkItemService;
import cn.fazhiduban.web.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The escalation ladder 提醒 → 警示 → 挂牌督办 → 通报 → 约谈. Each evaluation asks the decision table
 * {@code escalation-level}; from 挂牌督办 up an {@code escalation} instance gives 依法治区办 its work. Runs inside the
 * engine's transaction (timers, task listeners) or its own (the API).
 */
@Service
@Transactional
public class EscalationService {

  private static final Logger log = LoggerFactory.getLogger(EscalationService.class);

  private final EscalationRepository escalations;
  private final EscalationActionRepository actions;
  private final WorkItemRepository workItems;
  private final RoundTaskRepository roundTasks;
  private final WorkingCalendar calendar;
  private final DecisionService decisionService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final Notifier notifier;

  public EscalationService(EscalationRepository escalations, EscalationActionRepository actions,
      WorkItemRepository workItems, RoundTaskRepository roundTasks, WorkingCalendar calendar,
      DecisionService decisionService, RuntimeService runtimeService, IdentityService identityService,
      Notifier notifier) {
    this.escalations = escalations;
    this.actions = actions;
    this.workItems = workItems;
    this.roundTasks = roundTasks;
    this.calendar = calendar;
    this.decisionService = decisionService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.notifier = notifier;
  }

  /** What the decision table decided. */
  record Decision(String level, String recipients) {}

  /** The reminder before the due date (提醒). Work that is done, or already overdue, needs none. */
  public void remind(long roundId, int taskNo, String unitCode) {
    WorkItem item = workItem(roundId, taskNo, unitCode);
    Instant now = now();
    if (!item.getStatus().awaitsUnit() || !now.isBefore(item.getDueAt())) {
      return;
    }
    int daysLeft = calendar.workingDaysBetween(today(now), dueDate(item));
    climb(item, -Math.max(daysLeft, 1), now);
  }

  /**
   * The overdue evaluation: at the due date, whatever day that is (警示 is due then), and after that once a working
   * day while the work stays overdue.
   */
  public void evaluate(long roundId, int taskNo, String unitCode) {
    WorkItem item = workItem(roundId, taskNo, unitCode);
    Instant now = now();
    LocalDate today = today(now);
    if (!item.getStatus().awaitsUnit() || now.isBefore(item.getDueAt()) || closedByOfficeSinceDue(item)) {
      return;
    }
    boolean firstOverdue = escalations.findFirstByWorkItemIdAndStatus(item.getId(), Status.OPEN)
        .map(open -> EscalationProcess.rank(open.getLevel()) < EscalationProcess.rank(EscalationProcess.WARNING))
        .orElse(true);
    if (!firstOverdue && !calendar.isWorkingDay(today)) {
      return;
    }
    climb(item, calendar.workingDaysBetween(dueDate(item), today), now);
  }

  /** The unit submitted the overdue report or rectification: its escalation ends by itself. */
  public void workDone(WorkItem item) {
    escalations.findFirstByWorkItemIdAndStatus(item.getId(), Status.OPEN).ifPresent(open -> {
      open.close(ClosedBy.WORK_DONE, null, "承办单位已报送", now());
      item.escalated(null);
      correlate(EscalationProcess.Messages.WORK_DONE, item);
    });
  }

  /** 依法治区办 closes an open escalation, giving its reason ({@code POST /api/escalations/{id}/close}). */
  public Escalation closeByOffice(long escalationId, String reason, String user) {
    Escalation escalation = escalations.findById(escalationId)
        .orElseThrow(() -> ApiException.notFound("督办事项 " + escalationId));
    WorkItem item = close(escalation, reason, user);
    correlate(EscalationProcess.Messages.CLOSED_BY_OFFICE, item);
    return escalation;
  }

  /**
   * 依法治区办 closes the work item's open escalation from Tasklist (跟踪督办), with the same rules as
   * {@link #closeByOffice}; the escalation instance ends by its own flow, so no message is sent.
   */
  public Escalation closeFromTasklist(long workItemId, String reason, String user) {
    Escalation escalation = escalations.findFirstByWorkItemIdAndStatus(workItemId, Status.OPEN)
        .orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "already-closed", "该督办事项已经结束，无需再关闭。"));
    close(escalation, reason, user);
    return escalation;
  }

  private WorkItem close(Escalation escalation, String reason, String user) {
    if (escalation.getStatus() != Status.OPEN) {
      throw new ApiException(HttpStatus.CONFLICT, "already-closed", "该督办事项已经结束，无需再关闭。");
    }
    String text = reason == null ? "" : reason.strip();
    if (text.isEmpty() || text.length() > 1000) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "invalid", "请填写关闭原因（不超过 1000 字）。");
    }
    WorkItem item = workItems.findById(escalation.getWorkItemId()).orElseThrow();
    escalation.close(ClosedBy.OFFICE, user, text, now());
    item.escalated(null);
    return item;
  }

  /** A 督办通知书 or 约谈 recorded by 依法治区办 in the escalation instance. */
  public void recordNotice(long workItemId, String text, LocalDate deadline, String copyTo, String user) {
    if (deadline.isBefore(today(now()))) {
      throw FormValues.invalid(EscalationProcess.Variables.NOTICE_DEADLINE, "办理期限不能早于今天。");
    }
    actions.save(EscalationAction.notice(workItemId, text, deadline, copyTo, user, now()));
  }

  public void recordInterview(long workItemId, LocalDate heldOn, String attendees, String minutes, String user) {
    actions.save(EscalationAction.interview(workItemId, heldOn, attendees, minutes, user, now()));
  }

  private void climb(WorkItem item, int daysOverdue, Instant now) {
    RoundTask task = roundTasks.findByRoundIdAndTaskNo(item.getRoundId(), item.getTaskNo()).orElseThrow();
    Decision decision = decide(daysOverdue, earlierEscalations(item), milestoneThisYear(task, today(now)));
    Optional<Escalation> open = escalations.findFirstByWorkItemIdAndStatus(item.getId(), Status.OPEN);
    if (open.isPresent() && EscalationProcess.rank(open.get().getLevel()) >= EscalationProcess.rank(decision.level())) {
      requestInterviewIfDue(item, open.get());
      return;
    }
    open.ifPresent(lower -> lower.close(ClosedBy.RAISED, null, "升级为" + decision.level(), now));
    Escalation escalation = escalations.save(new Escalation(item, decision.level(), daysOverdue, decision.recipients(),
        now));
    item.escalated(decision.level());
    log.info("督办升级：任务 {} {} → {}（{}）", item.getTaskNo(), item.getUnitName(), decision.level(),
        daysOverdue < 0 ? "距截止 " + -daysOverdue + " 个工作日" : "逾期 " + daysOverdue + " 个工作日");
    if (EscalationProcess.rank(decision.level()) >= EscalationProcess.rank(EscalationProcess.SUPERVISED)) {
      escalation.linkProcessInstance(escalationInstance(item, task, decision.level()).getId());
      requestInterviewIfDue(item, escalation);
    }
    notifier.send(notification(item, task, decision));
  }

  Decision decide(int daysOverdue, int earlierEscalations, boolean milestoneThisYear) {
    DmnDecisionResultEntries result = decisionService
        .evaluateDecisionByKey(EscalationProcess.DECISION_ID)
        .variables(Variables.createVariables()
            .putValue(EscalationProcess.Variables.DAYS_OVERDUE, daysOverdue)
            .putValue(EscalationProcess.Variables.EARLIER_ESCALATIONS, earlierEscalations)
            .putValue(EscalationProcess.Variables.MILESTONE_THIS_YEAR, milestoneThisYear))
        .evaluate()
        .getSingleResult();
    return new Decision(result.getEntry(EscalationProcess.Variables.DMN_LEVEL),
        result.getEntry(EscalationProcess.Variables.DMN_NOTIFY));
  }

  private ProcessInstance escalationInstance(WorkItem item, RoundTask task, String level) {
    String key = businessKey(item);
    ProcessInstance running = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(EscalationProcess.PROCESS_ID).processInstanceBusinessKey(key).singleResult();
    if (running != null) {
      runtimeService.setVariable(running.getId(), EscalationProcess.Variables.LEVEL, level);
      return running;
    }
    return runtimeService.createProcessInstanceByKey(EscalationProcess.PROCESS_ID)
        .businessKey(key)
        .setVariable(EscalationProcess.Variables.WORK_ITEM_ID, item.getId())
        .setVariable(EscalationProcess.Variables.ROUND_ID, item.getRoundId())
        .setVariable(EscalationProcess.Variables.TASK_NO, item.getTaskNo())
        .setVariable(EscalationProcess.Variables.UNIT_CODE, item.getUnitCode())
        .setVariable(EscalationProcess.Variables.UNIT_NAME, item.getUnitName())
        .setVariable(EscalationProcess.Variables.TASK_TITLE, title(task))
        .setVariable(EscalationProcess.Variables.LEVEL, level)
        .setVariable(EscalationProcess.Variables.DUE_AT, Date.from(item.getDueAt()))
        .setVariable(EscalationProcess.Variables.DUE_AT_TEXT, BeijingTime.text(item.getDueAt()))
        .execute();
  }

  /**
   * At 约谈 the instance asks the office to hold the interview, once: only when it waits for that request (it may
   * still be at the notice, then the next evaluation asks) and no interview was recorded since the level was reached.
   */
  private void requestInterviewIfDue(WorkItem item, Escalation escalation) {
    if (!EscalationProcess.INTERVIEW.equals(escalation.getLevel()) || escalation.getProcessInstanceId() == null) {
      return;
    }
    boolean held = actions.findByWorkItemIdOrderById(item.getId()).stream()
        .anyMatch(a -> a.getKind() == EscalationAction.Kind.INTERVIEW && !a.getRecordedAt().isBefore(escalation.getSince()));
    boolean waiting = runtimeService.createEventSubscriptionQuery()
        .processInstanceId(escalation.getProcessInstanceId())
        .eventName(EscalationProcess.Messages.INTERVIEW_REQUIRED).count() > 0;
    if (!held && waiting) {
      runtimeService.createMessageCorrelation(EscalationProcess.Messages.INTERVIEW_REQUIRED)
          .processInstanceId(escalation.getProcessInstanceId()).correlate();
    }
  }

  private void correlate(String message, WorkItem item) {
    runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(businessKey(item)).correlateAll();
  }

  private Notification notification(WorkItem item, RoundTask task, Decision decision) {
    List<String> roles = decision.recipients() == null || decision.recipients().isBlank() ? List.of()
        : List.of(decision.recipients().split("\\s*[,，]\\s*"));
    Set<String> groups = new LinkedHashSet<>();
    for (String role : roles) {
      switch (role) {
        case "承办单位" -> groups.add(item.getUnitCode());
        case "牵头单位" -> groups.addAll(task.leadUnits());
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
        if (email != null && !email.isBlank() && !email.endsWith(".invalid") && !emails.contains(email)) {
          emails.add(email);
        }
      }
    }
    return new Notification(item.getTaskNo(), title(task), item.getUnitName(), item.getUnitCode(), item.getDueAt(),
        decision.level(), roles, emails);
  }

  private int earlierEscalations(WorkItem item) {
    return (int) escalations.countByWorkItemIdAndStatusAndClosedByIn(item.getId(), Status.CLOSED,
        List.of(ClosedBy.WORK_DONE, ClosedBy.OFFICE));
  }

  /** The office closed this item's escalation after the current due date passed: this episode is settled. */
  private boolean closedByOfficeSinceDue(WorkItem item) {
    return escalations.findByWorkItemIdOrderById(item.getId()).stream()
        .anyMatch(e -> e.getClosedBy() == ClosedBy.OFFICE && e.getClosedAt().isAfter(item.getDueAt()));
  }

  private static boolean milestoneThisYear(RoundTask task, LocalDate today) {
    return task.getPlanTask().getMilestones().stream().map(PlanMilestone::getDue)
        .anyMatch(due -> due.getYear() == today.getYear());
  }

  private WorkItem workItem(long roundId, int taskNo, String unitCode) {
    return workItems.findByRoundIdAndTaskNoAndUnitCode(roundId, taskNo, unitCode)
        .orElseThrow(() -> new IllegalStateException("找不到工作项：轮次 " + roundId + "，任务 " + taskNo + "，单位 " + unitCode));
  }

  static String businessKey(WorkItem item) {
    return item.getRoundId() + "/" + item.getTaskNo() + "/" + item.getUnitCode();
  }

  private static String title(RoundTask task) {
    return WorkItemService.title(task.getPlanTask().getText());
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private static LocalDate today(Instant now) {
    return now.atZone(WorkingCalendar.ZONE).toLocalDate();
  }

  private static LocalDate dueDate(WorkItem item) {
    return item.getDueAt().atZone(WorkingCalendar.ZONE).toLocalDate();
  }
}
