package cn.fazhiduban.supervision;

import static cn.fazhiduban.engine.FormValues.invalid;

import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.supervision.SupervisionEvents.ItemCancelled;
import cn.fazhiduban.unit.Unit;
import cn.fazhiduban.unit.UnitDirectory;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work-item lifecycle as the supervision models move: opened, linked to its instance, closed,
 * cancelled. Called by delegates and listeners, so it always runs inside the engine's transaction:
 * the engine and these rows commit or roll back together. What a unit reports lives in {@link
 * ReportService}.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class WorkItemService {

  private final SupervisionRoundRepository rounds;
  private final WorkItemRepository workItems;
  private final RoundRecords records;
  private final UnitDirectory directory;
  private final EngineClock clock;
  private final ApplicationEventPublisher events;

  WorkItemService(
      SupervisionRoundRepository rounds,
      WorkItemRepository workItems,
      RoundRecords records,
      UnitDirectory directory,
      EngineClock clock,
      ApplicationEventPublisher events) {
    this.rounds = rounds;
    this.workItems = workItems;
    this.records = records;
    this.directory = directory;
    this.clock = clock;
    this.events = events;
  }

  /**
   * What the model shows people about a task: 任务名称, text, lead units, and which units it concerns.
   */
  public record TaskFacts(
      String title,
      String text,
      String leadUnitNames,
      boolean needsAssignment,
      List<Unit> reporters) {}

  /**
   * The task's instance has started: link it to its work items and tell it what it needs to know.
   */
  public TaskFacts taskStarted(long roundId, int taskNo, String processInstanceId) {
    RoundTask task = records.roundTask(roundId, taskNo);
    task.started(processInstanceId);
    List<WorkItem> items = workItems.findByRoundIdAndTaskNoOrderById(roundId, taskNo);
    items.forEach(item -> item.linkProcessInstance(processInstanceId));
    List<String> leadNames = task.leadUnits().stream().map(records::unitName).toList();
    List<Unit> reporters = items.stream().map(item -> records.unit(item.getUnitCode())).toList();
    return new TaskFacts(
        task.title(),
        task.getPlanTask().getText(),
        String.join("、", leadNames),
        task.isNeedsAssignment(),
        reporters);
  }

  /** The office named the units of a task whose plan left them open: open their work items. */
  public List<Unit> assignUnits(
      long roundId,
      int taskNo,
      List<String> leadCodes,
      List<String> responsibleCodes,
      String processInstanceId) {
    if (responsibleCodes.isEmpty()) {
      throw invalid(TaskSupervision.Variables.ASSIGNED_RESPONSIBLE_UNITS, "请至少选择一个责任单位。");
    }
    List<Unit> leads = units(leadCodes, TaskSupervision.Variables.ASSIGNED_LEAD_UNITS);
    List<Unit> reporters =
        units(responsibleCodes, TaskSupervision.Variables.ASSIGNED_RESPONSIBLE_UNITS);
    RoundTask task = records.roundTask(roundId, taskNo);
    task.assigned(leads.stream().map(Unit::code).toList());
    SupervisionRound round = rounds.findById(roundId).orElseThrow();
    Instant now = clock.now();
    for (Unit unit : reporters) {
      if (workItems.findByRoundIdAndTaskNoAndUnitCode(roundId, taskNo, unit.code()).isEmpty()) {
        WorkItem item = new WorkItem(task, unit.code(), unit.name(), round.getReportDue(), now);
        item.linkProcessInstance(processInstanceId);
        workItems.save(item);
      }
    }
    return reporters;
  }

  /** The office passed the task: every item of it that was not cancelled is closed. */
  public void taskClosed(long roundId, int taskNo) {
    Instant now = clock.now();
    workItems.findByRoundIdAndTaskNoOrderById(roundId, taskNo).stream()
        .filter(item -> !item.getStatus().isFinal())
        .forEach(item -> item.closed(now));
  }

  public void roundClosed(long roundId) {
    rounds.findById(roundId).orElseThrow().close(clock.now());
  }

  /**
   * The engine's work on an item was cancelled by an administrator; escalation and others hear of
   * it.
   */
  public void cancel(WorkItem item, String reason) {
    if (item.getStatus().isFinal()) {
      return;
    }
    String text = reason == null || reason.isBlank() ? "管理员撤销了流程" : reason;
    item.cancelled(clock.now(), text);
    events.publishEvent(new ItemCancelled(item.getId(), text));
  }

  private List<Unit> units(List<String> codes, String field) {
    Set<Unit> units = new LinkedHashSet<>();
    for (String code : codes) {
      units.add(
          directory.byCode(code).orElseThrow(() -> invalid(field, "单位编码“" + code + "”不在单位目录中。")));
    }
    return List.copyOf(units);
  }
}
