package cn.fazhiduban.supervision;

import cn.fazhiduban.calendar.WorkingCalendar;
import static cn.fazhiduban.supervision.FormValues.invalid;

import cn.fazhiduban.escalation.EscalationService;
import cn.fazhiduban.escalation.EscalationTimers;
import cn.fazhiduban.supervision.OfficeCheck.Decision;
import cn.fazhiduban.unit.Unit;
import cn.fazhiduban.unit.UnitDirectory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the work items and their records current as the supervision models move. Called by the delegates and task
 * listeners, so it always runs inside the engine's transaction: the engine and these rows commit or roll back together.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class WorkItemService {

  private final SupervisionRoundRepository rounds;
  private final RoundTaskRepository roundTasks;
  private final WorkItemRepository workItems;
  private final ProgressReportRepository reports;
  private final ReviewOpinionRepository reviews;
  private final OfficeCheckRepository checks;
  private final RectificationRepository rectifications;
  private final UnitDirectory directory;
  private final TaskUnits taskUnits;
  private final EscalationService escalations;
  private final EscalationTimers timers;

  public WorkItemService(SupervisionRoundRepository rounds, RoundTaskRepository roundTasks,
      WorkItemRepository workItems, ProgressReportRepository reports, ReviewOpinionRepository reviews,
      OfficeCheckRepository checks, RectificationRepository rectifications, UnitDirectory directory,
      TaskUnits taskUnits, EscalationService escalations, EscalationTimers timers) {
    this.rounds = rounds;
    this.roundTasks = roundTasks;
    this.workItems = workItems;
    this.reports = reports;
    this.reviews = reviews;
    this.checks = checks;
    this.rectifications = rectifications;
    this.directory = directory;
    this.taskUnits = taskUnits;
    this.escalations = escalations;
    this.timers = timers;
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** What the model shows people about a task: 任务名称, text, lead units, and which units it concerns. */
  public record TaskFacts(String title, String text, String leadUnitNames, boolean needsAssignment,
      List<Unit> reporters) {}

  /** The task's instance has started: link it to its work items and tell it what it needs to know. */
  public TaskFacts taskStarted(long roundId, int taskNo, String processInstanceId) {
    RoundTask task = roundTask(roundId, taskNo);
    task.started(processInstanceId);
    List<WorkItem> items = workItems.findByRoundIdAndTaskNoOrderById(roundId, taskNo);
    items.forEach(item -> item.linkProcessInstance(processInstanceId));
    String text = task.getPlanTask().getText();
    List<String> leadNames = task.leadUnits().stream().map(this::unitName).toList();
    List<Unit> reporters = items.stream().map(item -> unit(item.getUnitCode())).toList();
    return new TaskFacts(title(text), text, String.join("、", leadNames), task.isNeedsAssignment(), reporters);
  }

  /** The office named the units of a task whose plan left them open: open their work items. */
  public List<Unit> assignUnits(long roundId, int taskNo, List<String> leadCodes, List<String> responsibleCodes,
      String processInstanceId) {
    if (responsibleCodes.isEmpty()) {
      throw invalid(TaskSupervision.Variables.ASSIGNED_RESPONSIBLE_UNITS, "请至少选择一个责任单位。");
    }
    List<Unit> leads = units(leadCodes, TaskSupervision.Variables.ASSIGNED_LEAD_UNITS);
    List<Unit> reporters = units(responsibleCodes, TaskSupervision.Variables.ASSIGNED_RESPONSIBLE_UNITS);
    RoundTask task = roundTask(roundId, taskNo);
    task.assigned(taskUnits.codes(leads));
    SupervisionRound round = rounds.findById(roundId).orElseThrow();
    Instant now = now();
    for (Unit unit : reporters) {
      if (workItems.findByRoundIdAndTaskNoAndUnitCode(roundId, taskNo, unit.code()).isEmpty()) {
        WorkItem item = new WorkItem(task, unit.code(), unit.name(), round.getReportDue(), now);
        item.linkProcessInstance(processInstanceId);
        workItems.save(item);
      }
    }
    return reporters;
  }

  /** A unit submitted its report; where nobody reviews it, it counts as approved at once. */
  public void reportSubmitted(long roundId, int taskNo, String unitCode, ReportForm form, boolean reviewed,
      String user) {
    WorkItem item = workItem(roundId, taskNo, unitCode);
    int version = reports.findFirstByWorkItemIdOrderByVersionDesc(item.getId()).map(r -> r.getVersion() + 1)
        .orElse(1);
    Instant now = now();
    reports.save(new ProgressReport(item.getId(), version, form, user, now));
    item.reported(now);
    escalations.workDone(item);
    if (!reviewed) {
      item.approved(now);
    }
  }

  /** A lead unit decided on the latest report. */
  public void reportReviewed(long roundId, int taskNo, String unitCode, ReviewOpinion.Decision decision,
      String opinion, String user) {
    WorkItem item = workItem(roundId, taskNo, unitCode);
    ProgressReport report = reports.findFirstByWorkItemIdOrderByVersionDesc(item.getId())
        .orElseThrow(() -> new IllegalStateException("审核时找不到进展报告：" + unitCode));
    Instant now = now();
    reviews.save(new ReviewOpinion(item.getId(), report.getId(), decision, opinion, user, now));
    if (decision == ReviewOpinion.Decision.RETURNED) {
      item.returned(now);
    } else {
      item.approved(now);
    }
  }

  /** The office passed the task, or named units to rectify by a deadline. */
  /** Returns when the rectification is due, or {@code null} where the task passed. */
  public Instant taskChecked(long roundId, int taskNo, Decision decision, List<String> rectifyUnits,
      String requirement, LocalDate deadline, String user) {
    RoundTask task = roundTask(roundId, taskNo);
    Instant now = now();
    if (decision == Decision.PASSED) {
      checks.save(new OfficeCheck(task.getId(), decision, null, null, user, now));
      return null;
    }
    if (rectifyUnits.isEmpty()) {
      throw invalid(TaskSupervision.Variables.RECTIFY_UNITS, "请选择需要整改的单位。");
    }
    if (deadline.isBefore(now.atZone(WorkingCalendar.ZONE).toLocalDate())) {
      throw invalid(TaskSupervision.Variables.RECTIFY_DEADLINE, "整改期限不能早于今天。");
    }
    List<WorkItem> items = new ArrayList<>();
    for (String code : new LinkedHashSet<>(rectifyUnits)) {
      items.add(workItems.findByRoundIdAndTaskNoAndUnitCode(roundId, taskNo, code).orElseThrow(() ->
          invalid(TaskSupervision.Variables.RECTIFY_UNITS, "整改单位“" + unitName(code) + "”不是本任务的承办单位。")));
    }
    OfficeCheck check = checks.save(new OfficeCheck(task.getId(), decision, requirement, deadline, user, now));
    Instant due = timers.dueAtEndOfWorkingDay(deadline).toInstant();
    for (WorkItem item : items) {
      rectifications.save(new Rectification(item.getId(), check.getId(), requirement, deadline));
      item.rectifying(now, due);
    }
    return due;
  }

  /** A unit reported its rectification; the office checks again. */
  public void rectificationSubmitted(long roundId, int taskNo, String unitCode, String measures, String result,
      List<String> evidence, String user) {
    WorkItem item = workItem(roundId, taskNo, unitCode);
    Rectification rectification = rectifications
        .findFirstByWorkItemIdAndStatusOrderByIdDesc(item.getId(), Rectification.Status.ORDERED)
        .orElseThrow(() -> new IllegalStateException("找不到待整改记录：" + unitCode));
    Instant now = now();
    rectification.submitted(measures, result, evidence, user, now);
    item.reported(now);
    escalations.workDone(item);
  }

  public void taskClosed(long roundId, int taskNo) {
    Instant now = now();
    workItems.findByRoundIdAndTaskNoOrderById(roundId, taskNo).forEach(item -> item.closed(now));
  }

  public void roundClosed(long roundId) {
    rounds.findById(roundId).orElseThrow().close(now());
  }

  private RoundTask roundTask(long roundId, int taskNo) {
    return roundTasks.findByRoundIdAndTaskNo(roundId, taskNo)
        .orElseThrow(() -> new IllegalStateException("轮次 " + roundId + " 中没有任务 " + taskNo));
  }

  private WorkItem workItem(long roundId, int taskNo, String unitCode) {
    return workItems.findByRoundIdAndTaskNoAndUnitCode(roundId, taskNo, unitCode)
        .orElseThrow(() -> new IllegalStateException("找不到工作项：轮次 " + roundId + "，任务 " + taskNo + "，单位 " + unitCode));
  }

  private List<Unit> units(List<String> codes, String field) {
    Set<Unit> units = new LinkedHashSet<>();
    for (String code : codes) {
      units.add(directory.byCode(code).orElseThrow(() -> invalid(field, "单位编码“" + code + "”不在单位目录中。")));
    }
    return List.copyOf(units);
  }

  private Unit unit(String code) {
    return directory.byCode(code).orElseThrow(() -> new IllegalStateException("单位目录中没有 " + code));
  }

  private String unitName(String code) {
    return directory.byCode(code).map(Unit::name).orElse(code);
  }

  /** 任务名称 for lists: the task's first sentence, at most 40 characters. */
  public static String title(String text) {
    int end = text.indexOf('。');
    String sentence = end > 0 ? text.substring(0, end) : text;
    return sentence.codePointCount(0, sentence.length()) <= 40 ? sentence
        : sentence.substring(0, sentence.offsetByCodePoints(0, 39)) + "…";
  }
}
