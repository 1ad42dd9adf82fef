package cn.fazhiduban.plan;

import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.plan.PlanImportService.ImportResult;
import cn.fazhiduban.plan.parse.ParsedPlan;
import cn.fazhiduban.plan.parse.ParsedPlan.ParseWarning;
import cn.fazhiduban.plan.parse.ParsedTask;
import cn.fazhiduban.unit.Unit;
import cn.fazhiduban.unit.UnitDirectory;
import cn.fazhiduban.unit.UnitKind;
import cn.fazhiduban.unit.UnitReference;
import cn.fazhiduban.unit.UnitService;
import cn.fazhiduban.web.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Service;

/**
 * The plan-import process's work: read the uploaded plan into a draft for the office's check, check
 * what the office changed (everything the form sends is input), and store the corrected plan with a
 * record of the changes. Runs in the engine's transaction: a refusal rolls everything back and
 * shows its Chinese message on the form.
 */
@Service
public class PlanCheckService {

  static final int MAX_TITLE = 200;

  private final PlanImportService importService;
  private final PlanImportDraftRepository drafts;
  private final PlanCorrectionRepository corrections;
  private final UnitDirectory directory;
  private final UnitService unitService;
  private final EngineClock clock;
  private final ObjectMapper json;
  private final ObjectMapper strictJson;

  PlanCheckService(
      PlanImportService importService,
      PlanImportDraftRepository drafts,
      PlanCorrectionRepository corrections,
      UnitDirectory directory,
      UnitService unitService,
      EngineClock clock,
      ObjectMapper json) {
    this.importService = importService;
    this.drafts = drafts;
    this.corrections = corrections;
    this.directory = directory;
    this.unitService = unitService;
    this.clock = clock;
    this.json = json;
    this.strictJson =
        json.copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  }

  // ---- reading
  // -----------------------------------------------------------------------------------------------------

  /** Parses the text and keeps it for the instance; the answer is the form's {@code draft}. */
  public Map<String, Object> startCheck(String processInstanceId, String text, String startedBy) {
    ParsedPlan parsed = importService.parse(text);
    drafts.save(
        new PlanImportDraft(
            processInstanceId, PlanImportService.normalize(text), startedBy, clock.now()));
    return draft(parsed, importService.storedPlanOf(text).orElse(null));
  }

  private Map<String, Object> draft(ParsedPlan parsed, Long storedPlanId) {
    Map<String, Object> draft = new LinkedHashMap<>();
    draft.put("title", parsed.title());
    draft.put("issuer", parsed.issuer());
    draft.put("issuedOn", parsed.issuedOn() == null ? "" : parsed.issuedOn().toString());
    draft.put("storedPlanId", storedPlanId);
    List<Map<String, Object>> tasks = new ArrayList<>();
    Set<String> unresolved = new LinkedHashSet<>();
    List<ParseWarning> warnings = new ArrayList<>(parsed.warnings());
    for (ParsedTask task : parsed.tasks()) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("number", task.number());
      view.put("chapter", task.chapter());
      view.put("section", task.section());
      view.put("text", task.text());
      view.put("line", task.line());
      view.put("byDivision", task.byDivision());
      view.put("lead", references(task.leadUnits(), unresolved));
      view.put("responsible", references(task.responsibleUnits(), unresolved));
      view.put(
          "milestones",
          task.milestones().stream()
              .map(m -> Map.of("due", m.due().toString(), "text", m.text()))
              .toList());
      tasks.add(view);
      if (task.leadUnits().isEmpty() && !mentions(parsed.warnings(), task.line(), "牵头")) {
        warnings.add(
            new ParseWarning(
                task.line(),
                "第 "
                    + task.number()
                    + " 项没有牵头单位"
                    + (task.byDivision() ? "（按职责分工负责）" : "")
                    + "，请核对后指定牵头单位，或确认由依法治区办审核。"));
      }
      for (String name : concat(task.leadUnits(), task.responsibleUnits())) {
        if (!directory.resolve(name).resolved()
            && !mentions(parsed.warnings(), task.line(), name)) {
          warnings.add(
              new ParseWarning(
                  task.line(),
                  "第 " + task.number() + " 项的单位“" + name + "”不在单位目录中，请对应到目录中的单位，或新增为单位。"));
        }
      }
    }
    warnings.sort((a, b) -> Integer.compare(a.line(), b.line()));
    draft.put("tasks", tasks);
    draft.put(
        "warnings",
        warnings.stream().map(w -> Map.of("line", w.line(), "message", w.message())).toList());
    draft.put("unresolved", List.copyOf(unresolved));
    draft.put(
        "units",
        directory.activeUnits().stream()
            .map(u -> Map.of("code", u.code(), "name", u.name(), "kind", u.kind().label()))
            .toList());
    List<Map<String, String>> kinds = new ArrayList<>();
    for (UnitKind kind : UnitKind.values()) {
      kinds.add(Map.of("value", kind.name(), "label", kind.label()));
    }
    draft.put("kinds", kinds);
    return draft;
  }

  private List<Map<String, Object>> references(List<String> names, Set<String> unresolved) {
    List<Map<String, Object>> references = new ArrayList<>();
    for (String name : names) {
      UnitReference reference = directory.resolve(name);
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("name", name);
      view.put("type", reference.type().name());
      view.put(
          "code",
          reference.type() == UnitReference.Type.UNIT ? reference.units().get(0).code() : null);
      view.put("canonicalName", reference.canonicalName());
      references.add(view);
      if (!reference.resolved()) {
        unresolved.add(name);
      }
    }
    return references;
  }

  private static boolean mentions(List<ParseWarning> warnings, int line, String text) {
    return warnings.stream().anyMatch(w -> w.line() == line && w.message().contains(text));
  }

  // ---- checking
  // ----------------------------------------------------------------------------------------------------

  /**
   * What the 核对 form sends: only these fields, each checked against the draft and the directory.
   */
  record Corrections(
      String title,
      String issuedOn,
      List<Mapping> mappings,
      List<NewUnit> newUnits,
      List<TaskChange> tasks,
      List<Integer> dropped) {
    Corrections {
      mappings = mappings == null ? List.of() : mappings;
      newUnits = newUnits == null ? List.of() : newUnits;
      tasks = tasks == null ? List.of() : tasks;
      dropped = dropped == null ? List.of() : dropped;
    }
  }

  /** An unknown name the office mapped to a directory unit. */
  record Mapping(String name, String code) {}

  /** An unknown name the office added to the directory as a new unit. */
  record NewUnit(String name, String code, String kind) {}

  /** A task's lead and/or responsible units as the office picked them ({@code null}: unchanged). */
  record TaskChange(Integer number, List<String> leadCodes, List<String> responsibleCodes) {}

  /**
   * Checks the corrections against the instance's draft; throws a form-field validation error on
   * the first fault.
   */
  public void check(String processInstanceId, Object correctionsVariable) {
    ParsedPlan parsed = importService.parse(draftText(processInstanceId));
    validate(parsed, read(correctionsVariable));
  }

  private Corrections read(Object variable) {
    if (variable == null) {
      return new Corrections(null, null, null, null, null, null);
    }
    try {
      Corrections read = strictJson.readValue(variable.toString(), Corrections.class);
      return read == null ? new Corrections(null, null, null, null, null, null) : read;
    } catch (JsonProcessingException e) {
      throw invalid("核对结果的格式不正确，请刷新页面后重新核对。");
    }
  }

  private record Checked(String title, LocalDate issuedOn, boolean dateChanged) {}

  private Checked validate(ParsedPlan parsed, Corrections corrections) {
    Map<Integer, ParsedTask> tasks = new LinkedHashMap<>();
    parsed.tasks().forEach(task -> tasks.put(task.number(), task));
    Set<String> unresolved = new LinkedHashSet<>();
    for (ParsedTask task : parsed.tasks()) {
      for (String name : concat(task.leadUnits(), task.responsibleUnits())) {
        if (!directory.resolve(name).resolved()) {
          unresolved.add(name);
        }
      }
    }

    String title = parsed.title();
    if (corrections.title() != null) {
      title = corrections.title().strip();
      if (title.isEmpty()) {
        throw invalid("请填写方案标题。");
      }
      if (title.length() > MAX_TITLE) {
        throw invalid("方案标题最多 " + MAX_TITLE + " 字。");
      }
    }
    LocalDate issuedOn = parsed.issuedOn();
    boolean dateChanged = false;
    if (corrections.issuedOn() != null) {
      dateChanged = true;
      try {
        issuedOn =
            corrections.issuedOn().isBlank()
                ? null
                : LocalDate.parse(corrections.issuedOn().strip());
      } catch (DateTimeParseException e) {
        throw invalid("印发日期“" + corrections.issuedOn() + "”不是有效日期，请按 2026-05-01 的格式填写。");
      }
    }

    Set<String> handled = new HashSet<>();
    for (Mapping mapping : corrections.mappings()) {
      String name = mapping.name() == null ? "" : mapping.name();
      if (!unresolved.contains(name)) {
        throw invalid("“" + name + "”不是本方案中未识别的单位名称。");
      }
      if (!handled.add(name)) {
        throw invalid("“" + name + "”处理了两次，请只选一种处理方式。");
      }
      activeUnit(mapping.code());
    }
    Set<String> newCodes = new HashSet<>();
    for (NewUnit unit : corrections.newUnits()) {
      String name = unit.name() == null ? "" : unit.name();
      if (!unresolved.contains(name)) {
        throw invalid("“" + name + "”不是本方案中未识别的单位名称。");
      }
      if (!handled.add(name)) {
        throw invalid("“" + name + "”处理了两次，请只选一种处理方式。");
      }
      if (unit.code() == null
          || directory.byCode(unit.code()).isPresent()
          || !newCodes.add(unit.code())) {
        throw invalid("新增单位“" + name + "”的编码“" + unit.code() + "”已被使用或未填写，请换一个。");
      }
    }
    Set<Integer> changed = new HashSet<>();
    for (TaskChange change : corrections.tasks()) {
      if (change.number() == null || !tasks.containsKey(change.number())) {
        throw invalid("方案中没有第 " + change.number() + " 项任务。");
      }
      if (!changed.add(change.number())) {
        throw invalid("第 " + change.number() + " 项任务的修改重复提交。");
      }
      for (List<String> codes : Arrays.asList(change.leadCodes(), change.responsibleCodes())) {
        if (codes != null) {
          if (codes.size() > 200) {
            throw invalid("第 " + change.number() + " 项任务选择的单位过多。");
          }
          codes.forEach(this::activeUnit);
        }
      }
    }
    Set<Integer> dropped = new HashSet<>();
    for (Integer number : corrections.dropped()) {
      if (number == null || !tasks.containsKey(number)) {
        throw invalid("方案中没有第 " + number + " 项任务，无法删除。");
      }
      dropped.add(number);
    }
    if (dropped.size() == tasks.size()) {
      throw invalid("不能删除全部任务；如不导入此方案，请选择“放弃”。");
    }
    return new Checked(title, issuedOn, dateChanged);
  }

  private Unit activeUnit(String code) {
    Unit unit = code == null ? null : directory.byCode(code).orElse(null);
    if (unit == null) {
      throw invalid("单位编码“" + code + "”不在单位目录中。");
    }
    if (unit.retired()) {
      throw invalid("单位“" + unit.name() + "”已撤销，不能再分配新任务。");
    }
    return unit;
  }

  // ---- storing
  // -----------------------------------------------------------------------------------------------------

  /**
   * Applies the checked corrections and stores the plan, all in the caller's (the engine's)
   * transaction.
   */
  public ImportResult store(String processInstanceId, Object correctionsVariable, String by) {
    String text = draftText(processInstanceId);
    ParsedPlan parsed = importService.parse(text);
    Corrections corrections = read(correctionsVariable);
    Checked checked = validate(parsed, corrections);
    List<Map<String, Object>> changes = new ArrayList<>();

    // new names first, so that the plan's own names resolve when it is stored, and the next plan's
    // too
    for (Mapping mapping : corrections.mappings()) {
      unitService.addAlias(mapping.code(), mapping.name(), by);
      changes.add(change("mapped", null, mapping.name(), mapping.code()));
    }
    for (NewUnit unit : corrections.newUnits()) {
      try {
        unitService.add(unit.code(), unit.name(), kind(unit.kind()), List.of(), by);
      } catch (ApiException e) {
        throw invalid("新增单位“" + unit.name() + "”：" + e.getMessage());
      }
      changes.add(change("newUnit", null, unit.name(), unit.code() + " " + unit.kind()));
    }

    Map<Integer, TaskChange> taskChanges = new HashMap<>();
    corrections.tasks().forEach(change -> taskChanges.put(change.number(), change));
    Set<Integer> dropped = new HashSet<>(corrections.dropped());
    List<ParsedTask> kept = new ArrayList<>();
    for (ParsedTask task : parsed.tasks()) {
      if (dropped.contains(task.number())) {
        changes.add(change("dropped", task.number(), task.text(), null));
        continue;
      }
      TaskChange change = taskChanges.get(task.number());
      if (change == null) {
        kept.add(task);
        continue;
      }
      List<String> leads = task.leadUnits();
      List<String> responsible = task.responsibleUnits();
      if (change.leadCodes() != null) {
        leads = names(change.leadCodes());
        if (!leads.equals(task.leadUnits())) {
          changes.add(change("leadUnits", task.number(), task.leadUnits(), leads));
        }
      }
      if (change.responsibleCodes() != null) {
        responsible = names(change.responsibleCodes());
        if (!responsible.equals(task.responsibleUnits())) {
          changes.add(
              change("responsibleUnits", task.number(), task.responsibleUnits(), responsible));
        }
      }
      boolean byDivision = task.byDivision() && leads.isEmpty();
      boolean needsAssignment =
          change.responsibleCodes() != null && !responsible.isEmpty()
              ? false
              : task.needsAssignment();
      kept.add(
          new ParsedTask(
              task.number(),
              task.chapter(),
              task.section(),
              task.text(),
              leads,
              responsible,
              byDivision,
              needsAssignment,
              task.milestones(),
              task.annotation(),
              task.line()));
    }
    if (!checked.title().equals(parsed.title())) {
      changes.add(change("title", null, parsed.title(), checked.title()));
    }
    if (checked.dateChanged() && !Objects.equals(checked.issuedOn(), parsed.issuedOn())) {
      changes.add(
          change(
              "issuedOn",
              null,
              String.valueOf(parsed.issuedOn()),
              String.valueOf(checked.issuedOn())));
    }
    ParsedPlan corrected =
        new ParsedPlan(
            checked.title(),
            parsed.issuer(),
            checked.issuedOn(),
            parsed.chapters(),
            kept,
            parsed.warnings());
    String firstReading = write(parsed);
    String changeRecord = write(changes);
    ImportResult result = importService.importChecked(text, corrected, by, plan -> {});
    if (result.created()) {
      this.corrections.save(
          new PlanCorrection(
              result.id(), processInstanceId, by, clock.now(), firstReading, changeRecord));
    }
    drafts.deleteById(processInstanceId);
    return result;
  }

  /** 放弃: nothing is stored; the draft text goes. */
  public void discard(String processInstanceId) {
    drafts.findById(processInstanceId).ifPresent(drafts::delete);
  }

  /** The corrections recorded for a stored plan. */
  public List<PlanCorrection> correctionsOf(long planId) {
    return corrections.findByPlanIdOrderById(planId);
  }

  private List<String> names(List<String> codes) {
    return codes.stream().distinct().map(code -> activeUnit(code).name()).toList();
  }

  private static UnitKind kind(String kind) {
    try {
      return UnitKind.valueOf(kind == null ? "" : kind);
    } catch (IllegalArgumentException e) {
      throw invalid("请为新增单位选择单位类别。");
    }
  }

  private static Map<String, Object> change(
      String what, Integer task, Object before, Object after) {
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("change", what);
    if (task != null) {
      change.put("task", task);
    }
    change.put("before", before);
    change.put("after", after);
    return change;
  }

  private String draftText(String processInstanceId) {
    return drafts
        .findById(processInstanceId)
        .map(PlanImportDraft::getSourceText)
        .orElseThrow(() -> invalid("找不到这次导入的方案草稿，请重新发起导入。"));
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  static FormFieldValidationException invalid(String message) {
    return new FormFieldValidationException(PlanImportProcess.Variables.CORRECTIONS, message);
  }
}
