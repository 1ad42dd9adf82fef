package cn.fazhiduban.supervision;

import cn.fazhiduban.calendar.WorkingCalendar;
import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.plan.Plan;
import cn.fazhiduban.plan.PlanRepository;
import cn.fazhiduban.plan.PlanTask;
import cn.fazhiduban.supervision.TaskUnits.Expanded;
import cn.fazhiduban.unit.Unit;
import cn.fazhiduban.web.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a 督办轮次: checks the request, expands every chosen task's units into work items and starts
 * the {@code supervision-round} instance, in one transaction with the engine, so a round is opened
 * whole or not at all.
 */
@Service
public class RoundService {

  /**
   * A round opened from a date picker falls due at this time of that day, Beijing time (the end of
   * office hours).
   */
  public static final LocalTime REPORT_DUE_TIME = LocalTime.of(18, 0);

  private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final PlanRepository plans;
  private final SupervisionRoundRepository rounds;
  private final RoundTaskRepository roundTasks;
  private final WorkItemRepository workItems;
  private final TaskUnits taskUnits;
  private final RuntimeService runtimeService;
  private final WorkingCalendar calendar;
  private final EngineClock clock;

  public RoundService(
      PlanRepository plans,
      SupervisionRoundRepository rounds,
      RoundTaskRepository roundTasks,
      WorkItemRepository workItems,
      TaskUnits taskUnits,
      RuntimeService runtimeService,
      WorkingCalendar calendar,
      EngineClock clock) {
    this.plans = plans;
    this.rounds = rounds;
    this.roundTasks = roundTasks;
    this.workItems = workItems;
    this.taskUnits = taskUnits;
    this.runtimeService = runtimeService;
    this.calendar = calendar;
    this.clock = clock;
  }

  public record OpenRound(
      Long planId, String label, OffsetDateTime reportDue, List<Integer> tasks) {}

  public record Opened(
      long id,
      String processInstanceId,
      int workItems,
      int tasks,
      List<Integer> awaitingAssignment) {}

  /**
   * A round as the start form in Tasklist (process {@code round-start}) describes it: a report date
   * picked from a calendar instead of a time, and the tasks as a {@link TaskSelection}.
   */
  public record RoundForm(
      Long planId, String label, LocalDate reportDate, TaskSelection selection) {}

  /** What a round would open, before it is opened: the start form shows it. */
  public record Preview(
      int tasks, int workItems, List<Integer> awaitingAssignment, OffsetDateTime reportDue) {}

  @Transactional
  public Opened open(OpenRound request, String user) {
    Prepared prepared = prepare(request);
    Instant now = clock.now();
    SupervisionRound round =
        rounds.save(
            new SupervisionRound(
                prepared.plan().getId(), prepared.label(), prepared.due(), user, now));
    int items = 0;
    List<Integer> awaiting = new ArrayList<>();
    for (Map.Entry<PlanTask, Expanded> entry : prepared.expanded().entrySet()) {
      Expanded units = entry.getValue();
      RoundTask task =
          roundTasks.save(
              new RoundTask(
                  round.getId(),
                  entry.getKey(),
                  units.needsAssignment(),
                  taskUnits.codes(units.leads())));
      if (units.needsAssignment()) {
        awaiting.add(task.getTaskNo());
      }
      for (Unit unit : units.reporters()) {
        workItems.save(new WorkItem(task, unit.code(), unit.name(), prepared.due(), now));
        items++;
      }
    }
    ProcessInstance instance =
        runtimeService
            .createProcessInstanceByKey(SupervisionRoundProcess.PROCESS_ID)
            .businessKey(String.valueOf(round.getId()))
            .setVariable(SupervisionRoundProcess.Variables.ROUND_ID, round.getId())
            .setVariable(SupervisionRoundProcess.Variables.REPORT_DUE, Date.from(prepared.due()))
            .execute();
    round.started(instance.getId());
    return new Opened(round.getId(), instance.getId(), items, prepared.expanded().size(), awaiting);
  }

  /**
   * Opens the round the start form describes, with the same checks and the same all-or-nothing as
   * the API.
   */
  @Transactional
  public Opened open(RoundForm form, String user) {
    return open(request(form), user);
  }

  /** Every check of {@link #open(RoundForm, String)}, and the counts, without opening anything. */
  @Transactional(readOnly = true)
  public Preview preview(RoundForm form) {
    Prepared prepared = prepare(request(form));
    int items = 0;
    List<Integer> awaiting = new ArrayList<>();
    for (Map.Entry<PlanTask, Expanded> entry : prepared.expanded().entrySet()) {
      items += entry.getValue().reporters().size();
      if (entry.getValue().needsAssignment()) {
        awaiting.add(entry.getKey().getNumber());
      }
    }
    return new Preview(
        prepared.expanded().size(),
        items,
        awaiting,
        prepared.due().atZone(EngineClock.ZONE).toOffsetDateTime());
  }

  /**
   * The form's date becomes a due time on a working day; the form's selection becomes task numbers.
   */
  private OpenRound request(RoundForm form) {
    if (form == null || form.planId() == null) {
      throw badRequest("invalid", "请选择任务分解方案。");
    }
    Plan plan =
        plans
            .findById(form.planId())
            .orElseThrow(() -> badRequest("unknown-plan", "方案 " + form.planId() + " 不存在。"));
    LocalDate day = form.reportDate();
    if (day == null) {
      throw badRequest("invalid", "请选择报送截止日期。");
    }
    if (day.isBefore(clock.today())) {
      throw badRequest(
          "report-due-in-past", "报送截止日期 " + CHINESE_DATE.format(day) + " 已过，请选择今天以后的日期。");
    }
    if (!calendar.isWorkingDay(day)) {
      LocalDate next = calendar.nextWorkingDay(day);
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "not-a-working-day",
          CHINESE_DATE.format(day)
              + "（"
              + weekday(day)
              + "）不是工作日，请选择工作日，如下一个工作日 "
              + CHINESE_DATE.format(next)
              + "（"
              + weekday(next)
              + "）。",
          Map.of("suggested", next.toString()));
    }
    TaskSelection selection =
        form.selection() == null ? TaskSelection.of("all", null, null) : form.selection();
    return new OpenRound(
        plan.getId(),
        form.label(),
        day.atTime(REPORT_DUE_TIME).atZone(EngineClock.ZONE).toOffsetDateTime(),
        selection.numbers(plan));
  }

  private record Prepared(Plan plan, String label, Instant due, Map<PlanTask, Expanded> expanded) {}

  /** Checks the request and expands every chosen task's units; changes nothing. */
  private Prepared prepare(OpenRound request) {
    if (request == null || request.planId() == null) {
      throw badRequest("invalid", "请指定方案（planId）。");
    }
    Plan plan =
        plans
            .findById(request.planId())
            .orElseThrow(() -> badRequest("unknown-plan", "方案 " + request.planId() + " 不存在。"));
    String label = request.label() == null ? "" : request.label().strip();
    if (label.isEmpty() || label.length() > 100) {
      throw badRequest("invalid", "请填写轮次名称（如“2026年上半年”），不超过 100 字。");
    }
    if (request.reportDue() == null) {
      throw badRequest("invalid", "请填写报送截止时间（reportDue），如 2026-12-31T18:00:00+08:00。");
    }
    Instant due = request.reportDue().toInstant();
    if (!due.isAfter(clock.now())) {
      throw badRequest("report-due-in-past", "报送截止时间已过，请选择将来的时间。");
    }
    List<PlanTask> chosen = chooseTasks(plan, request.tasks());

    Map<PlanTask, Expanded> expanded = new LinkedHashMap<>();
    Set<String> unknown = new LinkedHashSet<>();
    for (PlanTask task : chosen) {
      Expanded units = taskUnits.expand(task);
      unknown.addAll(units.unknown());
      expanded.put(task, units);
    }
    if (!unknown.isEmpty()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "unknown-unit",
          "以下单位不在单位目录中，请先在单位目录中补充：" + String.join("、", unknown),
          Map.of("units", List.copyOf(unknown)));
    }
    return new Prepared(plan, label, due, expanded);
  }

  private static String weekday(LocalDate day) {
    return day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CHINA);
  }

  private static List<PlanTask> chooseTasks(Plan plan, List<Integer> numbers) {
    if (numbers == null || numbers.isEmpty()) {
      return plan.getTasks();
    }
    Map<Integer, PlanTask> byNumber = new LinkedHashMap<>();
    plan.getTasks().forEach(task -> byNumber.put(task.getNumber(), task));
    Set<Integer> missing = new TreeSet<>();
    List<PlanTask> chosen = new ArrayList<>();
    for (Integer number : new LinkedHashSet<>(numbers)) {
      PlanTask task = number == null ? null : byNumber.get(number);
      if (task == null) {
        missing.add(number == null ? 0 : number);
      } else {
        chosen.add(task);
      }
    }
    if (!missing.isEmpty()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "unknown-task",
          "方案中没有这些任务编号：" + missing,
          Map.of("tasks", List.copyOf(missing)));
    }
    return chosen;
  }

  private static ApiException badRequest(String code, String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, code, message);
  }
}
