package cn.fazhiduban.inspection;

import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.engine.FormValues;
import cn.fazhiduban.identity.Groups;
import cn.fazhiduban.inspection.InspectionProcess.Variables;
import cn.fazhiduban.plan.Plan;
import cn.fazhiduban.plan.PlanChapter;
import cn.fazhiduban.plan.PlanRepository;
import cn.fazhiduban.supervision.SupervisionTimers;
import cn.fazhiduban.unit.Unit;
import cn.fazhiduban.unit.UnitDirectory;
import cn.fazhiduban.unit.UnitKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of the inspection process, kept by its delegates and listeners in the engine's
 * transaction; and the values its model reads ({@code
 * ${inspectionService.unitCodes(inspectionId)}}, …). What a form submitted is checked here: the
 * engine's variables are input, our rows are the truth.
 */
@Service("inspectionService")
@Transactional
public class InspectionService {

  static final int MAX_FINDINGS = 30;
  static final int MAX_UNITS = 50;
  static final int MAX_GROUP = 20;

  private final InspectionRepository inspections;
  private final InspectedUnitRepository units;
  private final FindingRepository findings;
  private final FindingRectificationRepository rectifications;
  private final InspectionNoticeRepository notices;
  private final PlanRepository plans;
  private final UnitDirectory directory;
  private final IdentityService identityService;
  private final SupervisionTimers timers;
  private final EngineClock clock;
  private final ObjectMapper json;

  InspectionService(
      InspectionRepository inspections,
      InspectedUnitRepository units,
      FindingRepository findings,
      FindingRectificationRepository rectifications,
      InspectionNoticeRepository notices,
      PlanRepository plans,
      UnitDirectory directory,
      IdentityService identityService,
      SupervisionTimers timers,
      EngineClock clock,
      ObjectMapper json) {
    this.inspections = inspections;
    this.units = units;
    this.findings = findings;
    this.rectifications = rectifications;
    this.notices = notices;
    this.plans = plans;
    this.directory = directory;
    this.identityService = identityService;
    this.timers = timers;
    this.clock = clock;
    this.json = json;
  }

  // ------------------------------------------------------------------ start

  /**
   * ServiceTask_RegisterInspection: checks the start form and writes the inspection with its units.
   */
  public void register(DelegateExecution execution) {
    FormValues form = new FormValues(execution);
    String starter = starter();
    if (starter == null || !inGroup(starter, Groups.OFFICE) && !inGroup(starter, Groups.ADMINS)) {
      throw FormValues.invalid(Variables.UNIT_CODES, "只有依法治区办可以发起法治督察。");
    }
    Plan plan = plan(execution.getVariable(Variables.PLAN_ID));
    List<Unit> chosen = chosenUnits(execution.getVariable(Variables.UNIT_CODES));
    String kind = choice(execution, Variables.KIND, "督察方式", InspectionProcess.KINDS);
    String topic = form.text(Variables.TOPIC, "督察主题", 200, true);
    List<String> group = groupMembers(execution.getVariable(Variables.GROUP_MEMBERS));
    LocalDate today = clock.today();
    LocalDate startsOn = form.date(Variables.STARTS_ON, "督察开始日期");
    LocalDate endsOn = form.date(Variables.ENDS_ON, "督察结束日期");
    LocalDate deadline = form.date(Variables.SELF_REPORT_DEADLINE, "自查报告截止日期");
    if (endsOn.isBefore(startsOn)) {
      throw FormValues.invalid(Variables.ENDS_ON, "督察结束日期不能早于开始日期。");
    }
    if (deadline.isBefore(today)) {
      throw FormValues.invalid(Variables.SELF_REPORT_DEADLINE, "自查报告截止日期不能早于今天。");
    }
    if (endsOn.isAfter(today.plusYears(2)) || deadline.isAfter(today.plusYears(1))) {
      throw FormValues.invalid(Variables.ENDS_ON, "督察日期不能晚于两年后，自查报告截止日期不能晚于一年后。");
    }
    Date due = Date.from(timers.dueAtEndOfWorkingDay(deadline));
    Inspection inspection =
        inspections.save(
            new Inspection(
                plan.getId(),
                kind,
                topic,
                group,
                startsOn,
                endsOn,
                due.toInstant(),
                starter,
                clock.now(),
                execution.getProcessInstanceId()));
    for (Unit unit : chosen) {
      units.save(
          new InspectedUnit(inspection.getId(), unit.code(), unit.name(), unit.kind().name()));
    }
    // what the client sent is replaced by what we checked
    execution.removeVariable(Variables.PROPOSAL);
    execution.setVariable(
        Variables.UNIT_CODES, String.join(",", chosen.stream().map(Unit::code).toList()));
    execution.setVariable(Variables.GROUP_MEMBERS, String.join(",", group));
    execution.setVariable(Variables.PLAN_ID, plan.getId());
    execution.setVariable(Variables.INSPECTION_ID, inspection.getId());
    execution.setVariable(Variables.INSPECTION_TITLE, kind + "：" + topic);
    execution.setVariable(Variables.SELF_REPORT_DUE, due);
    execution.setVariable(Variables.CATEGORY_OPTIONS, write(categories(plan)));
  }

  /** The categories a finding may have: the plan's chapters (二、…), then 其他. */
  static List<String> categories(Plan plan) {
    List<String> options = new ArrayList<>();
    for (PlanChapter chapter : plan.getChapters()) {
      options.add(chapter.getNumber() + "、" + chapter.getTitle());
    }
    options.add(InspectionProcess.OTHER_CATEGORY);
    return options;
  }

  // ------------------------------------------------------------------ values the model reads

  public List<String> unitCodes(long inspectionId) {
    return units.findByInspectionIdOrderById(inspectionId).stream()
        .map(InspectedUnit::getUnitCode)
        .toList();
  }

  public long inspectedUnitId(long inspectionId, String unitCode) {
    return inspectedUnit(inspectionId, unitCode).getId();
  }

  public String unitName(long inspectionId, String unitCode) {
    return inspectedUnit(inspectionId, unitCode).getUnitName();
  }

  public List<Long> findingIds(long inspectedUnitId) {
    return findings.findByInspectedUnitIdOrderById(inspectedUnitId).stream()
        .map(Finding::getId)
        .toList();
  }

  public boolean hasFindings(long inspectedUnitId) {
    return !findings.findByInspectedUnitIdOrderById(inspectedUnitId).isEmpty();
  }

  public boolean hasTypicalCases(long inspectionId) {
    return findings.findByInspectionIdOrderById(inspectionId).stream()
        .anyMatch(Finding::isTypicalCase);
  }

  public Finding finding(long findingId) {
    return findings
        .findById(findingId)
        .orElseThrow(() -> new IllegalStateException("找不到督察问题 " + findingId));
  }

  public Date findingDue(long findingId) {
    return Date.from(finding(findingId).getDueAt());
  }

  /** The typical-case findings of an inspection, one line each, for the 通报 task. */
  public String typicalCases(long inspectionId) {
    List<String> lines = new ArrayList<>();
    for (Finding finding : findings.findByInspectionIdOrderById(inspectionId)) {
      if (finding.isTypicalCase()) {
        lines.add(
            unitName(inspectionId, finding.getUnitCode())
                + "："
                + finding.getDescription()
                + "（"
                + finding.getSeverity()
                + "）");
      }
    }
    return String.join("\n", lines);
  }

  // ------------------------------------------------------------------ per unit

  /** Task_SubmitSelfInspection completed. */
  public void recordSelfInspection(DelegateTask task) {
    InspectedUnit unit = inspectedUnit(task);
    String report = new FormValues(task).text(Variables.SELF_REPORT, "自查报告", 4000, true);
    unit.selfReported(
        report, String.join("、", new FormValues(task).evidence()), user(), clock.now());
  }

  /** Task_RecordOpinion completed: the opinion and the 问题清单. */
  public void recordOpinion(DelegateTask task) {
    InspectedUnit unit = inspectedUnit(task);
    String opinion = new FormValues(task).text(Variables.OPINION, "督察意见", 4000, true);
    Inspection inspection = inspections.findById(unit.getInspectionId()).orElseThrow();
    List<String> categories = categories(plans.findById(inspection.getPlanId()).orElseThrow());
    List<Finding> found = parseFindings(task.getVariable(Variables.FINDINGS), unit, categories);
    findings.saveAll(found);
    unit.opinionRecorded(opinion, user(), clock.now(), !found.isEmpty());
  }

  private List<Finding> parseFindings(Object value, InspectedUnit unit, List<String> categories) {
    String text = value == null ? "" : value.toString().strip();
    if (text.isEmpty()) {
      return List.of();
    }
    JsonNode list;
    try {
      list = json.readTree(text);
    } catch (JsonProcessingException e) {
      throw FormValues.invalid(Variables.FINDINGS, "问题清单格式不正确。");
    }
    if (!list.isArray()) {
      throw FormValues.invalid(Variables.FINDINGS, "问题清单格式不正确。");
    }
    if (list.size() > MAX_FINDINGS) {
      throw FormValues.invalid(Variables.FINDINGS, "问题清单最多 " + MAX_FINDINGS + " 条。");
    }
    LocalDate today = clock.today();
    List<Finding> result = new ArrayList<>();
    int n = 0;
    for (JsonNode item : list) {
      n++;
      String prefix = "第 " + n + " 个问题";
      String description = item.path("description").asText("").strip();
      if (description.isEmpty() || description.codePointCount(0, description.length()) > 1000) {
        throw FormValues.invalid(Variables.FINDINGS, prefix + "：请填写问题描述（不超过 1000 字）。");
      }
      String category = item.path("category").asText("");
      if (!categories.contains(category)) {
        throw FormValues.invalid(Variables.FINDINGS, prefix + "：请从方案的章节中选择问题类别。");
      }
      String severity = item.path("severity").asText("");
      if (!InspectionProcess.SEVERITIES.contains(severity)) {
        throw FormValues.invalid(Variables.FINDINGS, prefix + "：问题性质只能是“一般”或“严重”。");
      }
      LocalDate deadline;
      try {
        deadline = LocalDate.parse(item.path("deadline").asText(""));
      } catch (RuntimeException e) {
        throw FormValues.invalid(Variables.FINDINGS, prefix + "：请填写整改期限（格式：2026-12-31）。");
      }
      if (deadline.isBefore(today) || deadline.isAfter(today.plusYears(1))) {
        throw FormValues.invalid(Variables.FINDINGS, prefix + "：整改期限须在今天到一年之内。");
      }
      JsonNode typical = item.path("typicalCase");
      if (!typical.isMissingNode() && !typical.isNull() && !typical.isBoolean()) {
        throw FormValues.invalid(Variables.FINDINGS, prefix + "：典型案例只能是“是”或“否”。");
      }
      result.add(
          new Finding(
              unit,
              description,
              category,
              severity,
              deadline,
              timers.dueAtEndOfWorkingDay(deadline),
              typical.asBoolean(false),
              clock.now()));
    }
    return result;
  }

  /** Task_RectifyFinding completed. */
  public void recordRectification(DelegateTask task) {
    Finding finding = finding(findingId(task));
    FormValues form = new FormValues(task);
    String measures = form.text(Variables.RECTIFY_MEASURES, "整改措施", 2000, true);
    String result = form.text(Variables.RECTIFY_RESULT, "整改结果", 2000, true);
    rectifications.save(
        new FindingRectification(
            finding.getId(),
            measures,
            result,
            String.join("、", new FormValues(task).evidence()),
            user(),
            clock.now()));
    finding.submitted();
  }

  /** Task_AcceptRectification completed: 通过, or 退回 with an opinion the unit sees. */
  public void recordAcceptance(DelegateTask task) {
    Finding finding = finding(findingId(task));
    String decision =
        choice(
            task,
            Variables.ACCEPT_DECISION,
            "验收结论",
            List.of(InspectionProcess.PASSED, InspectionProcess.RETURNED));
    boolean passed = InspectionProcess.PASSED.equals(decision);
    String opinion = new FormValues(task).text(Variables.ACCEPT_OPINION, "验收意见", 1000, !passed);
    FindingRectification rectification =
        rectifications
            .findFirstByFindingIdAndDecisionIsNullOrderByIdDesc(finding.getId())
            .orElseThrow(() -> new IllegalStateException("问题 " + finding.getId() + " 没有待验收的整改"));
    Instant now = clock.now();
    rectification.decide(
        passed ? FindingRectification.Decision.PASSED : FindingRectification.Decision.RETURNED,
        opinion,
        user(),
        now);
    if (passed) {
      finding.passed(now);
    } else {
      finding.returned();
      task.getExecution().setVariable(Variables.RETURN_OPINION, opinion);
    }
  }

  /** ServiceTask_CloseInspectedUnit: the unit had no findings, or every finding passed. */
  public void closeUnit(DelegateExecution execution) {
    InspectedUnit unit = inspectedUnit(execution);
    boolean open =
        findings.findByInspectedUnitIdOrderById(unit.getId()).stream()
            .anyMatch(f -> f.getStatus().open());
    if (open) {
      throw new IllegalStateException("单位 " + unit.getUnitCode() + " 还有未通过验收的问题，不能办结");
    }
    unit.close(clock.now());
  }

  /**
   * ServiceTask_DraftInspectionReport: every unit is closed; the inspection closes and its report
   * is drafted.
   */
  public void closeInspection(DelegateExecution execution) {
    Inspection inspection = inspection(execution);
    inspection.close(clock.now());
  }

  /**
   * Task_PublishTypicalCaseNotice completed: the 通报 is recorded for each typical-case finding it
   * names.
   */
  public void recordNotice(DelegateTask task) {
    long inspectionId = InspectionProcess.Typed.INSPECTION_ID.get(task);
    String decision =
        choice(
            task,
            Variables.NOTICE_DECISION,
            "是否通报",
            List.of(InspectionProcess.PUBLISH, InspectionProcess.SKIP));
    if (!InspectionProcess.PUBLISH.equals(decision)) {
      return;
    }
    FormValues form = new FormValues(task);
    String title = form.text(Variables.NOTICE_TITLE, "通报标题", 200, true);
    String text = form.text(Variables.NOTICE_TEXT, "通报内容", 4000, true);
    String user = user();
    Instant now = clock.now();
    for (Finding finding : findings.findByInspectionIdOrderById(inspectionId)) {
      if (finding.isTypicalCase() && !notices.existsByFindingId(finding.getId())) {
        notices.save(new InspectionNotice(finding, title, text, user, now));
      }
    }
  }

  /** The instance was cancelled or deleted: its open rows end as CANCELLED. */
  public void cancel(String processInstanceId) {
    inspections
        .findByProcessInstanceId(processInstanceId)
        .filter(i -> i.getStatus() == Inspection.Status.OPEN)
        .ifPresent(
            inspection -> {
              Instant now = clock.now();
              inspection.cancel(now);
              for (InspectedUnit unit : units.findByInspectionIdOrderById(inspection.getId())) {
                if (unit.getStatus().open()) {
                  unit.cancel(now);
                }
              }
              findings.findByInspectionIdOrderById(inspection.getId()).stream()
                  .filter(f -> f.getStatus().open())
                  .forEach(Finding::cancel);
            });
  }

  // ------------------------------------------------------------------ helpers

  private Plan plan(Object value) {
    long id;
    try {
      id =
          value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value).strip());
    } catch (NumberFormatException e) {
      throw FormValues.invalid(Variables.PLAN_ID, "请选择任务分解方案。");
    }
    return plans
        .findById(id)
        .orElseThrow(() -> FormValues.invalid(Variables.PLAN_ID, "所选任务分解方案不存在。"));
  }

  private List<Unit> chosenUnits(Object value) {
    Set<String> codes = new LinkedHashSet<>(split(value));
    if (codes.isEmpty()) {
      throw FormValues.invalid(Variables.UNIT_CODES, "请至少选择一个被督察单位。");
    }
    if (codes.size() > MAX_UNITS) {
      throw FormValues.invalid(Variables.UNIT_CODES, "一次督察最多 " + MAX_UNITS + " 个单位。");
    }
    List<Unit> chosen = new ArrayList<>();
    for (String code : codes) {
      Unit unit =
          directory
              .byCode(code)
              .orElseThrow(
                  () -> FormValues.invalid(Variables.UNIT_CODES, "单位目录中没有编码为“" + code + "”的单位。"));
      if (unit.kind() == UnitKind.OFFICE) {
        throw FormValues.invalid(Variables.UNIT_CODES, "依法治区办不能督察自己。");
      }
      chosen.add(unit);
    }
    return chosen;
  }

  private List<String> groupMembers(Object value) {
    List<String> members = List.copyOf(new LinkedHashSet<>(split(value)));
    if (members.isEmpty()) {
      throw FormValues.invalid(Variables.GROUP_MEMBERS, "请选择督察组成员。");
    }
    if (members.size() > MAX_GROUP) {
      throw FormValues.invalid(Variables.GROUP_MEMBERS, "督察组最多 " + MAX_GROUP + " 人。");
    }
    for (String member : members) {
      if (!inGroup(member, Groups.OFFICE)) {
        throw FormValues.invalid(Variables.GROUP_MEMBERS, "督察组成员“" + member + "”不是依法治区办的用户。");
      }
    }
    return members;
  }

  private static List<String> split(Object value) {
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.toString().split("[,，\\s]+"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static String choice(
      VariableScope scope, String name, String label, List<String> allowed) {
    Object value = scope.getVariable(name);
    if (value == null || !allowed.contains(value.toString())) {
      throw FormValues.invalid(name, "请选择" + label + "。");
    }
    return value.toString();
  }

  /** Group membership read without the caller's authorizations (a clerk may not list users). */
  boolean inGroup(String userId, String groupId) {
    var commandContext = Context.getCommandContext();
    if (commandContext == null) {
      return identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
    }
    return commandContext.runWithoutAuthorization(
        () -> identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0);
  }

  private String starter() {
    var authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  /** Who completed the task: the logged-in user; the engine's identity, never a variable. */
  private String user() {
    String user = starter();
    return user == null ? "system" : user;
  }

  private static long findingId(DelegateTask task) {
    return InspectionProcess.Typed.FINDING_ID.get(task);
  }

  private InspectedUnit inspectedUnit(VariableScope scope) {
    long id = InspectionProcess.Typed.INSPECTED_UNIT_ID.get(scope);
    return units.findById(id).orElseThrow(() -> new IllegalStateException("找不到被督察单位 " + id));
  }

  private InspectedUnit inspectedUnit(long inspectionId, String unitCode) {
    return units
        .findByInspectionIdAndUnitCode(inspectionId, unitCode)
        .orElseThrow(() -> new IllegalStateException("督察 " + inspectionId + " 没有单位 " + unitCode));
  }

  private Inspection inspection(VariableScope scope) {
    long id = InspectionProcess.Typed.INSPECTION_ID.get(scope);
    return inspections.findById(id).orElseThrow(() -> new IllegalStateException("找不到督察 " + id));
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
