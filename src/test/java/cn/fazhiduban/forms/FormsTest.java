package cn.fazhiduban.forms;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.engine.FormValues;
import cn.fazhiduban.escalation.EscalationProcess;
import cn.fazhiduban.inspection.InspectionProcess;
import cn.fazhiduban.plan.PlanImportProcess;
import cn.fazhiduban.reporting.AnnualReportProcess;
import cn.fazhiduban.supervision.RoundStart;
import cn.fazhiduban.supervision.TaskSupervision;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the user task forms in {@code forms/} as they are deployed: the Camunda Forms (form-js
 * 1.8.7, rendered by Tasklist) and the embedded HTML forms that upload 佐证材料. Names must be the ones
 * in {@link TaskSupervision.Variables} (or {@link EscalationProcess.Variables} for the escalation's
 * forms), labels must be Chinese, limits must be the ones a clerk is told about.
 */
class FormsTest {

  /** Maven runs tests in the project root, where the forms live. */
  private static final Path FORMS = Path.of("forms");

  private static final Path TASKLIST_SCRIPTS =
      Path.of("src/main/resources/META-INF/resources/webjars/camunda/app/tasklist/scripts");
  private static final Path EVIDENCE_CHECK = TASKLIST_SCRIPTS.resolve("evidence-check.js");
  private static final Path TASKLIST_CONFIG = TASKLIST_SCRIPTS.resolve("config.js");
  private static final String CALLS_EVIDENCE_CHECK =
      "window.fazhiDuban.checkEvidence(camForm, $scope);";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

  /** Component types form-js 1.8.x renders and that we allow ourselves to use. */
  private static final Set<String> FORM_JS_18_TYPES =
      Set.of(
          "textfield",
          "textarea",
          "number",
          "radio",
          "checklist",
          "select",
          "datetime",
          "text",
          "group");

  private static final Set<String> PRESENTATION_TYPES = Set.of("text", "group");

  /**
   * Ids people chose: {@code Field_ReviewDecision}, not Modeler's {@code Field_0abc123} or {@code
   * Field_1}.
   */
  private static final Pattern MEANINGFUL_ID =
      Pattern.compile("(Form|Field|Text|Group)_[A-Z][A-Za-z]+");

  private static final Pattern GENERATED_ID =
      Pattern.compile("[A-Za-z]+_(?=[0-9a-z]*[0-9])[0-9a-z]{7}|[A-Za-z]+_[0-9]+");

  private static final List<String> FILE_TYPES =
      List.of("pdf", "doc", "docx", "xls", "xlsx", "jpg", "jpeg", "png", "zip");

  private static final String MAX_FILE_BYTES = String.valueOf(20 * 1024 * 1024);

  /** The embedded HTML forms of tasks (and the inspection's start form). */
  private static final List<String> HTML_FORMS =
      List.of(
          "progress-report.html",
          "rectify.html",
          "self-inspection.html",
          "finding-rectify.html",
          "inspection-opinion.html",
          "inspection-start.html");

  /** Those of them that take evidence files. */
  private static final List<String> FORMS_WITH_EVIDENCE =
      List.of(
          "progress-report.html", "rectify.html", "self-inspection.html", "finding-rectify.html");

  private static final List<String> CAMUNDA_FORMS =
      List.of(
          "review-report.form",
          "office-check.form",
          "confirm-assignment.form",
          "supervision-notice.form",
          "interview-record.form",
          "follow-escalation.form",
          "annual-report-start.form",
          "approve-annual-report.form",
          "accept-rectification.form",
          "typical-case-notice.form");

  /** The process whose variables a form shows and sets: its constants class. */
  private static final Map<String, Class<?>> VARIABLES_OF_FORM =
      Map.of(
          "supervision-notice.form", EscalationProcess.Variables.class,
          "interview-record.form", EscalationProcess.Variables.class,
          "follow-escalation.form", EscalationProcess.Variables.class,
          "round-start.html", RoundStart.Variables.class,
          "annual-report-start.form", AnnualReportProcess.Variables.class,
          "approve-annual-report.form", AnnualReportProcess.Variables.class,
          "accept-rectification.form", InspectionProcess.Variables.class,
          "typical-case-notice.form", InspectionProcess.Variables.class);

  // ---------------------------------------------------------------- Camunda Forms (form-js)

  @Test
  void theFormsTheProcessReferencesExist() throws IOException {
    try (Stream<Path> files = Files.list(FORMS)) {
      Set<String> names = files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
      assertThat(names).containsAll(CAMUNDA_FORMS).containsAll(HTML_FORMS);
    }
  }

  static Stream<String> camundaForms() {
    return CAMUNDA_FORMS.stream();
  }

  static Stream<String> htmlForms() {
    return HTML_FORMS.stream();
  }

  static Stream<String> formsWithEvidence() {
    return FORMS_WITH_EVIDENCE.stream();
  }

  @ParameterizedTest
  @MethodSource("camundaForms")
  void camundaFormIsAForm_js18SchemaForTheCamundaPlatform(String file) throws IOException {
    JsonNode form = readForm(file);
    assertThat(form.path("type").asText()).isEqualTo("default");
    assertThat(form.path("schemaVersion").asInt()).isBetween(1, 16);
    assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
    assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
    assertThat(form.path("exporter").path("name").asText()).isNotBlank();
    assertThat(form.path("id").asText()).matches(MEANINGFUL_ID).startsWith("Form_");
  }

  @ParameterizedTest
  @MethodSource("camundaForms")
  void componentIdsAreUniqueAndMeaningful(String file) throws IOException {
    List<JsonNode> components = components(readForm(file));
    List<String> ids = components.stream().map(c -> c.path("id").asText()).toList();
    assertThat(ids)
        .doesNotHaveDuplicates()
        .allSatisfy(
            id -> {
              assertThat(id).as("component id").matches(MEANINGFUL_ID);
              assertThat(GENERATED_ID.matcher(id).matches()).as("%s looks generated", id).isFalse();
            });
    components.stream()
        .filter(c -> c.hasNonNull("key"))
        .forEach(
            c ->
                assertThat(c.path("id").asText())
                    .as("id of %s", c.path("key").asText())
                    .startsWith("Field_"));
  }

  @ParameterizedTest
  @MethodSource("camundaForms")
  void usesOnlyComponentsForm_js18Renders(String file) throws IOException {
    assertThat(components(readForm(file)))
        .allSatisfy(c -> assertThat(c.path("type").asText()).isIn(FORM_JS_18_TYPES));
  }

  @ParameterizedTest
  @MethodSource("camundaForms")
  void everyInputHasAChineseLabelAndAKeyThatIsAProcessVariable(String file) throws IOException {
    Set<String> variables = variableNames(file);
    List<JsonNode> inputs = inputs(readForm(file));
    assertThat(inputs)
        .isNotEmpty()
        .allSatisfy(
            c -> {
              String label =
                  "datetime".equals(c.path("type").asText())
                      ? c.path("dateLabel").asText()
                      : c.path("label").asText();
              assertThat(CJK.matcher(label).find())
                  .as("Chinese label of %s: '%s'", c.path("id").asText(), label)
                  .isTrue();
              assertThat(c.path("key").asText())
                  .as("key of %s", c.path("id").asText())
                  .isIn(variables);
            });
    List<String> keys = inputs.stream().map(c -> c.path("key").asText()).toList();
    assertThat(keys).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @MethodSource("camundaForms")
  void textTemplatesAndConditionsOnlyUseProcessVariables(String file) throws IOException {
    Set<String> variables = variableNames(file);
    Pattern template = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
    Pattern identifier = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    for (JsonNode c : components(readForm(file))) {
      Matcher m = template.matcher(c.path("text").asText());
      while (m.find()) {
        assertThat(m.group(1)).as("template variable in %s", c.path("id").asText()).isIn(variables);
      }
      String hide = c.path("conditional").path("hide").asText("");
      if (!hide.isEmpty()) {
        assertThat(hide).startsWith("=");
        Matcher ids = identifier.matcher(hide.replaceAll("\"[^\"]*\"", ""));
        while (ids.find()) {
          assertThat(ids.group())
              .as("variable in condition of %s", c.path("id").asText())
              .isIn(variables);
        }
      }
    }
  }

  @Test
  void reviewReportDecidesApprovedOrReturnedAndAsksForAnOpinionOnlyWhenReturned()
      throws IOException {
    JsonNode form = readForm("review-report.form");
    assertThat(keysById(form))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "Field_ReportedProgress", TaskSupervision.Variables.PROGRESS,
                "Field_ReportedProblems", TaskSupervision.Variables.PROBLEMS,
                "Field_ReportedNextSteps", TaskSupervision.Variables.NEXT_STEPS,
                "Field_ShownUnitName", TaskSupervision.Variables.UNIT_NAME,
                "Field_ShownCompletion", TaskSupervision.Variables.COMPLETION,
                "Field_ShownPercent", TaskSupervision.Variables.PERCENT,
                "Field_ShownReportDue", TaskSupervision.Variables.DEADLINE_TEXT,
                "Field_ReviewDecision", TaskSupervision.Variables.REVIEW_DECISION,
                "Field_ReviewOpinion", TaskSupervision.Variables.REVIEW_OPINION));

    JsonNode decision = byId(form, "Field_ReviewDecision");
    assertThat(decision.path("type").asText()).isEqualTo("radio");
    assertThat(decision.path("validate").path("required").asBoolean()).isTrue();
    assertThat(options(decision))
        .containsExactly(
            Map.entry(TaskSupervision.Variables.APPROVED, "通过"),
            Map.entry(TaskSupervision.Variables.RETURNED, "退回"));

    JsonNode opinion = byId(form, "Field_ReviewOpinion");
    assertThat(opinion.path("type").asText()).isEqualTo("textarea");
    assertThat(opinion.path("validate").path("required").asBoolean()).isTrue();
    assertThat(opinion.path("validate").path("maxLength").asInt()).isEqualTo(1000);
    assertThat(opinion.path("conditional").path("hide").asText())
        .isEqualTo("=reviewDecision != \"returned\"");

    // the reported content is shown, never submitted back
    for (String id :
        List.of(
            "Field_ReportedProgress",
            "Field_ReportedProblems",
            "Field_ReportedNextSteps",
            "Field_ShownUnitName",
            "Field_ShownCompletion",
            "Field_ShownPercent")) {
      assertThat(byId(form, id).path("disabled").asBoolean()).as(id).isTrue();
    }
  }

  @Test
  void officeCheckPassesOrOrdersRectificationWithUnitsRequirementAndAFutureDeadline()
      throws IOException {
    JsonNode form = readForm("office-check.form");
    assertThat(keysById(form))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "Field_ShownTaskNo", TaskSupervision.Variables.TASK_NO,
                "Field_ShownTaskTitle", TaskSupervision.Variables.TASK_TITLE,
                "Field_CheckDecision", TaskSupervision.Variables.CHECK_DECISION,
                "Field_RectifyUnits", TaskSupervision.Variables.RECTIFY_UNITS,
                "Field_RectifyRequirement", TaskSupervision.Variables.RECTIFY_REQUIREMENT,
                "Field_RectifyDeadline", TaskSupervision.Variables.RECTIFY_DEADLINE));
    assertThat(byId(form, "Field_ShownTaskTitle").path("disabled").asBoolean()).isTrue();

    JsonNode decision = byId(form, "Field_CheckDecision");
    assertThat(decision.path("type").asText()).isEqualTo("radio");
    assertThat(decision.path("validate").path("required").asBoolean()).isTrue();
    assertThat(options(decision))
        .containsExactly(
            Map.entry(TaskSupervision.Variables.PASSED, "通过"),
            Map.entry(TaskSupervision.Variables.RECTIFY, "需整改"));

    for (String id :
        List.of("Field_RectifyUnits", "Field_RectifyRequirement", "Field_RectifyDeadline")) {
      JsonNode field = byId(form, id);
      assertThat(field.path("validate").path("required").asBoolean()).as(id).isTrue();
      assertThat(field.path("conditional").path("hide").asText())
          .as(id)
          .isEqualTo("=checkDecision != \"rectify\"");
    }
    JsonNode units = byId(form, "Field_RectifyUnits");
    assertThat(units.path("type").asText()).isEqualTo("checklist");
    assertThat(units.path("valuesKey").asText())
        .isEqualTo(TaskSupervision.Variables.TASK_UNIT_OPTIONS);
    assertThat(units.has("values")).isFalse();

    JsonNode requirement = byId(form, "Field_RectifyRequirement");
    assertThat(requirement.path("type").asText()).isEqualTo("textarea");
    assertThat(requirement.path("validate").path("maxLength").asInt()).isEqualTo(2000);

    JsonNode deadline = byId(form, "Field_RectifyDeadline");
    assertThat(deadline.path("type").asText()).isEqualTo("datetime");
    assertThat(deadline.path("subtype").asText()).isEqualTo("date");
    assertThat(deadline.path("disallowPassedDates").asBoolean()).isTrue();
  }

  @Test
  void confirmAssignmentChoosesLeadUnitsOptionallyAndResponsibleUnitsRequired() throws IOException {
    JsonNode form = readForm("confirm-assignment.form");
    assertThat(keysById(form))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "Field_ShownTaskNo", TaskSupervision.Variables.TASK_NO,
                "Field_ShownTaskText", TaskSupervision.Variables.TASK_TEXT,
                "Field_AssignedLeadUnits", TaskSupervision.Variables.ASSIGNED_LEAD_UNITS,
                "Field_AssignedResponsibleUnits",
                    TaskSupervision.Variables.ASSIGNED_RESPONSIBLE_UNITS));
    assertThat(byId(form, "Field_ShownTaskText").path("disabled").asBoolean()).isTrue();

    JsonNode lead = byId(form, "Field_AssignedLeadUnits");
    assertThat(lead.path("type").asText()).isEqualTo("checklist");
    assertThat(lead.path("valuesKey").asText()).isEqualTo(TaskSupervision.Variables.UNIT_OPTIONS);
    assertThat(lead.path("validate").path("required").asBoolean(false)).isFalse();
    assertThat(lead.path("description").asText()).contains("不选则由依法治区办审核");

    JsonNode responsible = byId(form, "Field_AssignedResponsibleUnits");
    assertThat(responsible.path("type").asText()).isEqualTo("checklist");
    assertThat(responsible.path("valuesKey").asText())
        .isEqualTo(TaskSupervision.Variables.UNIT_OPTIONS);
    assertThat(responsible.path("validate").path("required").asBoolean()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"supervision-notice.form", "interview-record.form", "follow-escalation.form"})
  void escalationFormsShowTheOverdueWorkWithoutSubmittingIt(String file) throws IOException {
    JsonNode form = readForm(file);
    // shown in disabled fields (escaped, no Markdown), so none of them is a field that Tasklist
    // would send back;
    // the due time as text in Beijing time: a Date variable would show in the server's zone
    List<String> shown =
        List.of(
            EscalationProcess.Variables.TASK_NO,
            EscalationProcess.Variables.TASK_TITLE,
            EscalationProcess.Variables.UNIT_NAME,
            EscalationProcess.Variables.LEVEL,
            EscalationProcess.Variables.DUE_AT_TEXT);
    assertThat(inputs(form))
        .filteredOn(c -> shown.contains(c.path("key").asText()))
        .hasSize(shown.size())
        .allSatisfy(
            c -> assertThat(c.path("disabled").asBoolean()).as(c.path("id").asText()).isTrue());
    assertThat(keysById(form).values()).doesNotContain(EscalationProcess.Variables.DUE_AT);
  }

  @Test
  void supervisionNoticeAsksForTheTextAFutureDeadlineAndWhomToCopy() throws IOException {
    JsonNode form = readForm("supervision-notice.form");
    assertThat(keysById(form))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "Field_ShownTaskNo", EscalationProcess.Variables.TASK_NO,
                "Field_ShownTaskTitle", EscalationProcess.Variables.TASK_TITLE,
                "Field_ShownUnitName", EscalationProcess.Variables.UNIT_NAME,
                "Field_ShownLevel", EscalationProcess.Variables.LEVEL,
                "Field_ShownDueAt", EscalationProcess.Variables.DUE_AT_TEXT,
                "Field_NoticeText", EscalationProcess.Variables.NOTICE_TEXT,
                "Field_NoticeDeadline", EscalationProcess.Variables.NOTICE_DEADLINE,
                "Field_NoticeCopyTo", EscalationProcess.Variables.NOTICE_COPY_TO));

    JsonNode text = byId(form, "Field_NoticeText");
    assertThat(text.path("type").asText()).isEqualTo("textarea");
    assertThat(text.path("label").asText()).isEqualTo("通知内容");
    assertThat(text.path("validate").path("required").asBoolean()).isTrue();
    assertThat(text.path("validate").path("maxLength").asInt()).isEqualTo(2000);
    assertThat(text.path("description").asText()).contains("2000 字");

    JsonNode deadline = byId(form, "Field_NoticeDeadline");
    assertThat(deadline.path("type").asText()).isEqualTo("datetime");
    assertThat(deadline.path("subtype").asText()).isEqualTo("date");
    assertThat(deadline.path("dateLabel").asText()).isEqualTo("办理期限");
    assertThat(deadline.path("validate").path("required").asBoolean()).isTrue();
    assertThat(deadline.path("disallowPassedDates").asBoolean()).isTrue();

    JsonNode copyTo = byId(form, "Field_NoticeCopyTo");
    assertThat(copyTo.path("type").asText()).isEqualTo("textfield");
    assertThat(copyTo.path("label").asText()).isEqualTo("抄送");
    assertThat(copyTo.path("validate").path("required").asBoolean(false)).isFalse();
    assertThat(copyTo.path("validate").path("maxLength").asInt()).isEqualTo(200);
  }

  @Test
  void followEscalationClosesOnlyWithAReason() throws IOException {
    JsonNode form = readForm("follow-escalation.form");
    assertThat(keysById(form))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "Field_ShownTaskNo", EscalationProcess.Variables.TASK_NO,
                "Field_ShownTaskTitle", EscalationProcess.Variables.TASK_TITLE,
                "Field_ShownUnitName", EscalationProcess.Variables.UNIT_NAME,
                "Field_ShownLevel", EscalationProcess.Variables.LEVEL,
                "Field_ShownDueAt", EscalationProcess.Variables.DUE_AT_TEXT,
                "Field_CloseReason", EscalationProcess.Variables.CLOSE_REASON));
    // all but the reason are shown, disabled, and so never sent back
    assertThat(inputs(form))
        .filteredOn(c -> !c.path("key").asText().equals(EscalationProcess.Variables.CLOSE_REASON))
        .allSatisfy(
            c -> assertThat(c.path("disabled").asBoolean()).as(c.path("id").asText()).isTrue());
    JsonNode reason = byId(form, "Field_CloseReason");
    assertThat(reason.path("type").asText()).isEqualTo("textarea");
    assertThat(reason.path("label").asText()).isEqualTo("关闭原因");
    assertThat(reason.path("validate").path("required").asBoolean()).isTrue();
    assertThat(reason.path("validate").path("maxLength").asInt()).isEqualTo(1000);
    assertThat(reason.path("description").asText()).contains("1000 字");
  }

  @Test
  void reviewReportShowsTheDueTimeInBeijingTime() throws IOException {
    // the due time as text the engine wrote in Beijing time (a Date would show in the server's
    // zone), in a disabled field
    JsonNode due = byId(readForm("review-report.form"), "Field_ShownReportDue");
    assertThat(due.path("key").asText()).isEqualTo(TaskSupervision.Variables.DEADLINE_TEXT);
    assertThat(due.path("disabled").asBoolean()).isTrue();
    assertThat(due.path("label").asText()).contains("北京时间");
  }

  @Test
  void roundStartFormSubmitsExactlyItsSixFieldsAndRendersNoHtml() throws IOException {
    String html = readHtml("round-start.html");
    List<Map<String, String>> forms = tags(html, "form");
    assertThat(forms).hasSize(1);
    assertThat(forms.get(0)).containsEntry("role", "form").containsEntry("name", "roundForm");
    assertThat(html)
        .doesNotContain(
            "ng-bind-html", "innerHTML", "eval(", "$sce", "ng-include", "document.write");
    for (String script : camScripts(html)) {
      assertThat(script).doesNotContain("{{");
    }
    Map<String, String> types = new LinkedHashMap<>();
    controls(html)
        .forEach(
            a -> {
              types.put(a.get("cam-variable-name"), a.get("cam-variable-type"));
              assertThat(a.get("name")).isEqualTo(a.get("cam-variable-name"));
            });
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put(RoundStart.Variables.PLAN_ID, "Long");
    expected.put(RoundStart.Variables.LABEL, "String");
    expected.put(RoundStart.Variables.REPORT_DATE, "String");
    expected.put(RoundStart.Variables.TASK_SCOPE, "String");
    expected.put(RoundStart.Variables.CHAPTERS, "String");
    expected.put(RoundStart.Variables.TASK_LIST, "String");
    assertThat(types).containsExactlyEntriesOf(expected);
    Map<String, Map<String, String>> fields = controlsByName(html);
    assertThat(fields.get(RoundStart.Variables.LABEL))
        .containsEntry("ng-required", "true")
        .containsEntry("ng-maxlength", "100");
    assertThat(fields.get(RoundStart.Variables.REPORT_DATE)).containsEntry("type", "date");
    assertThat(
            tags(html, "option").stream()
                .map(o -> o.get("value"))
                .filter(v -> v != null && !v.isEmpty() && !v.contains("{{")))
        .containsExactly("all", "chapters", "list");
    // the same checks as opening it: the preview endpoint, before the start button is enabled
    assertThat(html).contains("/rounds/preview?", "ng-model=\"previewOk\" ng-required=\"true\"");
  }

  @Test
  void interviewRecordAsksForDateAttendeesAndMinutes() throws IOException {
    JsonNode form = readForm("interview-record.form");
    assertThat(keysById(form))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "Field_ShownTaskNo", EscalationProcess.Variables.TASK_NO,
                "Field_ShownTaskTitle", EscalationProcess.Variables.TASK_TITLE,
                "Field_ShownUnitName", EscalationProcess.Variables.UNIT_NAME,
                "Field_ShownLevel", EscalationProcess.Variables.LEVEL,
                "Field_ShownDueAt", EscalationProcess.Variables.DUE_AT_TEXT,
                "Field_InterviewDate", EscalationProcess.Variables.INTERVIEW_DATE,
                "Field_InterviewAttendees", EscalationProcess.Variables.INTERVIEW_ATTENDEES,
                "Field_InterviewMinutes", EscalationProcess.Variables.INTERVIEW_MINUTES));

    JsonNode date = byId(form, "Field_InterviewDate");
    assertThat(date.path("type").asText()).isEqualTo("datetime");
    assertThat(date.path("subtype").asText()).isEqualTo("date");
    assertThat(date.path("dateLabel").asText()).isEqualTo("约谈日期");
    assertThat(date.path("validate").path("required").asBoolean()).isTrue();
    // the interview has usually taken place already
    assertThat(date.path("disallowPassedDates").asBoolean(false)).isFalse();

    Map<String, Map.Entry<String, Integer>> textareas =
        Map.of(
            "Field_InterviewAttendees", Map.entry("参加人员", 500),
            "Field_InterviewMinutes", Map.entry("约谈纪要", 5000));
    textareas.forEach(
        (id, labelAndLimit) -> {
          JsonNode field = byId(form, id);
          assertThat(field.path("type").asText()).as(id).isEqualTo("textarea");
          assertThat(field.path("label").asText()).as(id).isEqualTo(labelAndLimit.getKey());
          assertThat(field.path("validate").path("required").asBoolean()).as(id).isTrue();
          assertThat(field.path("validate").path("maxLength").asInt())
              .as(id)
              .isEqualTo(labelAndLimit.getValue());
          assertThat(field.path("description").asText())
              .as(id)
              .contains(labelAndLimit.getValue() + " 字");
        });
  }

  // ---------------------------------------------------------------- embedded HTML forms

  @ParameterizedTest
  @MethodSource("htmlForms")
  void embeddedFormIsOneNamedAngularFormWithoutUnsafeHtml(String file) throws IOException {
    String html = readHtml(file);
    List<Map<String, String>> forms = tags(html, "form");
    assertThat(forms).hasSize(1);
    assertThat(forms.get(0)).containsEntry("role", "form");
    assertThat(forms.get(0).get("name")).matches("[a-z][A-Za-z]+");
    assertThat(html)
        .doesNotContain(
            "ng-bind-html", "innerHTML", "eval(", "$sce", "ng-include", "document.write");
    for (String script : camScripts(html)) {
      // AngularJS would interpolate {{ inside the form
      assertThat(script).doesNotContain("{{");
    }
    assertThat(html)
        .contains(
            "camForm.on('form-loaded'",
            "camForm.on('variables-fetched'",
            "camForm.on('submit'",
            "camForm.submitPrevented = true");
  }

  @ParameterizedTest
  @ValueSource(strings = {"progress-report.html", "rectify.html"})
  void embeddedFormUsesOnlyProcessVariableNames(String file) throws IOException {
    Set<String> allowed = new HashSet<>(variableNames(file));
    IntStream.rangeClosed(1, 5).forEach(i -> allowed.add(FormValues.EVIDENCE_PREFIX + i));
    String html = readHtml(file);

    List<String> bound = controls(html).stream().map(a -> a.get("cam-variable-name")).toList();
    assertThat(bound)
        .isNotEmpty()
        .doesNotHaveDuplicates()
        .allSatisfy(name -> assertThat(name).isIn(allowed));
    controls(html)
        .forEach(
            a -> {
              assertThat(a.get("cam-variable-type"))
                  .as(a.get("cam-variable-name"))
                  .isIn("String", "Integer", "File");
              // AngularJS registers the control under its name; the page's messages refer to it by
              // that name
              assertThat(a.get("name")).isEqualTo(a.get("cam-variable-name"));
            });

    Matcher fetched = Pattern.compile("HEADER_VARIABLES = \\[([^\\]]*)]").matcher(html);
    assertThat(fetched.find()).isTrue();
    List<String> header =
        Pattern.compile("'([^']+)'")
            .matcher(fetched.group(1))
            .results()
            .map(r -> r.group(1))
            .toList();
    assertThat(header).isNotEmpty().allSatisfy(name -> assertThat(name).isIn(allowed));
    assertThat(header)
        .contains(
            TaskSupervision.Variables.TASK_NO,
            TaskSupervision.Variables.TASK_TEXT,
            TaskSupervision.Variables.UNIT_NAME);
    assertThat(html).contains("fetchVariable(name)");
  }

  @ParameterizedTest
  @MethodSource("formsWithEvidence")
  void evidenceIsFiveOptionalFilesOfAllowedTypesUpTo20Mb(String file) throws IOException {
    String html = readHtml(file);
    List<Map<String, String>> files =
        controls(html).stream().filter(a -> "File".equals(a.get("cam-variable-type"))).toList();
    assertThat(files)
        .extracting(a -> a.get("cam-variable-name"))
        .containsExactly("evidence1", "evidence2", "evidence3", "evidence4", "evidence5");
    assertThat(files)
        .allSatisfy(
            a -> {
              assertThat(a)
                  .containsEntry("type", "file")
                  .containsEntry("cam-max-filesize", MAX_FILE_BYTES);
              assertThat(a).doesNotContainKeys("required", "ng-required");
              assertThat(a.get("accept").split(","))
                  .containsExactlyInAnyOrderElementsOf(
                      FILE_TYPES.stream().map(t -> "." + t).toList());
            });
    assertThat(String.join("\n", camScripts(html))).contains(CALLS_EVIDENCE_CHECK);
    String script = Files.readString(EVIDENCE_CHECK, StandardCharsets.UTF_8);
    assertThat(script).contains("EVIDENCE_MAX_BYTES = " + MAX_FILE_BYTES);
    Matcher types = Pattern.compile("EVIDENCE_TYPES = \\[([^\\]]*)]").matcher(script);
    assertThat(types.find()).isTrue();
    assertThat(Pattern.compile("'([^']+)'").matcher(types.group(1)).results().map(r -> r.group(1)))
        .containsExactlyInAnyOrderElementsOf(FILE_TYPES);
    assertThat(html).contains("可上传 1–5 个文件，每个不超过 20 MB，支持 pdf、doc、docx、xls、xlsx、jpg、png、zip");
  }

  @ParameterizedTest
  @MethodSource("formsWithEvidence")
  void theFormsWithFilesShareOneEvidenceCheckInTasklist(String file) throws IOException {
    String script = String.join("\n", camScripts(readHtml(file)));
    assertThat(script)
        .contains(CALLS_EVIDENCE_CHECK)
        .doesNotContain("EVIDENCE_TYPES", "evidenceProblem");
    assertThat(Files.readString(TASKLIST_CONFIG, StandardCharsets.UTF_8))
        .contains("'scripts/evidence-check'");
    assertThat(Files.readString(EVIDENCE_CHECK, StandardCharsets.UTF_8))
        .contains("window.fazhiDuban = Object.assign(window.fazhiDuban || {}, {checkEvidence});");
  }

  @Test
  void progressReportFieldsHaveTheirLimits() throws IOException {
    String html = readHtml("progress-report.html");
    Map<String, Map<String, String>> fields = controlsByName(html);
    assertThat(fields.keySet())
        .containsExactly(
            "progress",
            "completion",
            "percent",
            "problems",
            "nextSteps",
            "contact",
            "phone",
            "evidence1",
            "evidence2",
            "evidence3",
            "evidence4",
            "evidence5");

    Map<String, String> progress = fields.get(TaskSupervision.Variables.PROGRESS);
    assertThat(progress)
        .containsEntry("tag", "textarea")
        .containsEntry("cam-variable-type", "String")
        .containsEntry("ng-required", "true")
        .containsEntry("ng-maxlength", "2000");
    assertThat(html).contains("已输入 {{ (progress || '').length }} / 2000 字");

    Map<String, String> completion = fields.get(TaskSupervision.Variables.COMPLETION);
    assertThat(completion)
        .containsEntry("tag", "select")
        .containsEntry("cam-variable-type", "String")
        .containsEntry("ng-required", "true");
    assertThat(tags(html, "option").stream().map(o -> o.get("value")).filter(v -> !v.isEmpty()))
        .containsExactly("未启动", "推进中", "已完成");

    Map<String, String> percent = fields.get(TaskSupervision.Variables.PERCENT);
    assertThat(percent)
        .containsEntry("type", "number")
        .containsEntry("cam-variable-type", "Integer")
        .containsEntry("ng-required", "true")
        .containsEntry("min", "0")
        .containsEntry("max", "100");

    assertThat(fields.get(TaskSupervision.Variables.PROBLEMS))
        .containsEntry("tag", "textarea")
        .containsEntry("ng-maxlength", "1000")
        .doesNotContainKey("ng-required");
    assertThat(fields.get(TaskSupervision.Variables.NEXT_STEPS))
        .containsEntry("tag", "textarea")
        .containsEntry("ng-maxlength", "1000")
        .doesNotContainKey("ng-required");
    assertThat(fields.get(TaskSupervision.Variables.CONTACT)).containsEntry("ng-maxlength", "50");

    assertThat(html).contains("报告被退回，退回意见：", "header.returnOpinion", "returnOpinion");
    assertThat(html).contains("请输入正确的手机号或座机号，如 13812345678 或 023-67891234");
  }

  @Test
  void phonePatternAcceptsMobilesAndLandlinesInJavaAsInJavaScript() throws IOException {
    String ngPattern =
        controlsByName(readHtml("progress-report.html")).get("phone").get("ng-pattern");
    // AngularJS turns "/…/flags" into a RegExp; the body is written in the subset Java and
    // JavaScript share
    assertThat(ngPattern).startsWith("/^").endsWith("$/");
    Pattern phone = Pattern.compile(ngPattern.substring(1, ngPattern.length() - 1));

    assertThat(
            List.of(
                "13812345678",
                "19912345678",
                "023-67891234",
                "02367891234",
                "0755-1234567",
                "010-12345678-8001",
                "023-67891234-123456"))
        .allSatisfy(p -> assertThat(phone.matcher(p).matches()).as(p).isTrue());
    assertThat(
            List.of(
                "12345",
                "12812345678",
                "1381234567",
                "138123456789",
                "23-67891234",
                "023-678912",
                "023-67891234-1234567",
                "023 67891234",
                "+8613812345678",
                " 13812345678"))
        .allSatisfy(p -> assertThat(phone.matcher(p).matches()).as(p).isFalse());
  }

  @Test
  void rectifyFormAsksForMeasuresAndResultAndShowsTheRequirement() throws IOException {
    String html = readHtml("rectify.html");
    Map<String, Map<String, String>> fields = controlsByName(html);
    assertThat(fields.keySet())
        .containsExactly(
            "rectifyMeasures",
            "rectifyResult",
            "evidence1",
            "evidence2",
            "evidence3",
            "evidence4",
            "evidence5");
    for (String name :
        List.of(
            TaskSupervision.Variables.RECTIFY_MEASURES, TaskSupervision.Variables.RECTIFY_RESULT)) {
      assertThat(fields.get(name))
          .as(name)
          .containsEntry("tag", "textarea")
          .containsEntry("cam-variable-type", "String")
          .containsEntry("ng-required", "true")
          .containsEntry("ng-maxlength", "2000");
    }
    assertThat(html)
        .contains(
            "{{ header.rectifyRequirement }}",
            "{{ header.rectifyDeadline }}",
            "'rectifyRequirement'",
            "'rectifyDeadline'");
  }

  @ParameterizedTest
  @MethodSource("htmlForms")
  void everyControlHasAChineseLabel(String file) throws IOException {
    String html = readHtml(file);
    Map<String, String> labels = new LinkedHashMap<>();
    Matcher m =
        Pattern.compile("<label\\b[^>]*\\bfor=\"([^\"]+)\"[^>]*>(.*?)</label>", Pattern.DOTALL)
            .matcher(html);
    while (m.find()) {
      labels.put(m.group(1), m.group(2));
    }
    assertThat(controls(html))
        .allSatisfy(
            a -> {
              String label = labels.get(a.get("id"));
              assertThat(label).as("label for %s", a.get("cam-variable-name")).isNotNull();
              assertThat(CJK.matcher(label).find())
                  .as("Chinese label for %s", a.get("cam-variable-name"))
                  .isTrue();
            });
  }

  // ---------------------------------------------------------------- 法治督察 (inspection.bpmn)

  @ParameterizedTest
  @ValueSource(
      strings = {
        "self-inspection.html",
        "finding-rectify.html",
        "inspection-opinion.html",
        "inspection-start.html"
      })
  void inspectionFormsBindOnlyTheInspectionsVariables(String file) throws IOException {
    Set<String> allowed = new HashSet<>(variableNames("accept-rectification.form"));
    IntStream.rangeClosed(1, 5)
        .forEach(i -> allowed.add(InspectionProcess.Variables.EVIDENCE_PREFIX + i));
    String html = readHtml(file);
    assertThat(controls(html))
        .allSatisfy(
            a -> {
              assertThat(a.get("cam-variable-name")).isIn(allowed);
              assertThat(a.get("cam-variable-type")).isIn("String", "File");
              assertThat(a.get("name")).isEqualTo(a.get("cam-variable-name"));
            });
    Matcher fetched = Pattern.compile("HEADER_VARIABLES = \\[([^\\]]*)]").matcher(html);
    assertThat(fetched.find()).isTrue();
    assertThat(
            Pattern.compile("'([^']+)'").matcher(fetched.group(1)).results().map(r -> r.group(1)))
        .isNotEmpty()
        .allSatisfy(name -> assertThat(name).isIn(allowed));
    Pattern created = Pattern.compile("createVariable\\(\\{\\s*name: '([^']+)'");
    assertThat(created.matcher(html).results().map(r -> r.group(1)))
        .allSatisfy(name -> assertThat(name).isIn(allowed));
  }

  @Test
  void inspectionOpinionListsFindingsWithCategorySeverityDeadlineAndTypicalCase()
      throws IOException {
    String html = readHtml("inspection-opinion.html");
    assertThat(html)
        .contains(
            "ng-repeat=\"finding in findingList\"",
            "finding.description",
            "finding.category",
            "finding.severity",
            "finding.deadline",
            "finding.typicalCase",
            "<option value=\"一般\">一般</option>",
            "<option value=\"严重\">严重</option>",
            "ng-maxlength=\"1000\"",
            "categoryOptions",
            "典型案例",
            "name: 'findings'");
    Map<String, String> opinion = controls(html).get(0);
    assertThat(opinion)
        .containsEntry("cam-variable-name", "opinion")
        .containsEntry("ng-required", "true")
        .containsEntry("ng-maxlength", "4000");
  }

  @Test
  void inspectionStartAsksForUnitsKindTopicGroupAndDates() throws IOException {
    String html = readHtml("inspection-start.html");
    Map<String, Map<String, String>> fields = new HashMap<>();
    controls(html).forEach(a -> fields.put(a.get("cam-variable-name"), a));
    assertThat(fields)
        .containsOnlyKeys("kind", "topic", "startsOn", "endsOn", "selfReportDeadline");
    assertThat(fields.values()).allSatisfy(a -> assertThat(a).containsEntry("ng-required", "true"));
    assertThat(html)
        .contains(
            "<option value=\"书面督察\">",
            "<option value=\"实地督察\">",
            "<option value=\"专项督察\">",
            "name: 'unitCodes'",
            "name: 'groupMembers'",
            "name: 'planId'",
            "'inspectionProposal'");
    assertThat(fields.get("topic")).containsEntry("ng-maxlength", "200");
  }

  @Test
  void acceptRectificationPassesOrReturnsWithAnOpinionOnlyWhenReturned() throws IOException {
    JsonNode form = readForm("accept-rectification.form");
    JsonNode decision = byId(form, "Field_AcceptDecision");
    assertThat(options(decision)).extracting(Map.Entry::getValue).containsExactly("通过", "退回");
    assertThat(options(decision))
        .extracting(Map.Entry::getKey)
        .containsExactly(InspectionProcess.PASSED, InspectionProcess.RETURNED);
    JsonNode opinion = byId(form, "Field_AcceptOpinion");
    assertThat(opinion.path("conditional").path("hide").asText())
        .isEqualTo("=acceptDecision != \"returned\"");
    assertThat(opinion.path("validate").path("maxLength").asInt()).isEqualTo(1000);
  }

  // ---------------------------------------------------------------- plan-import's embedded forms

  @ParameterizedTest
  @ValueSource(strings = {"plan-import-start.html", "plan-check.html"})
  void planImportFormIsOneNamedAngularFormWithoutUnsafeHtml(String file) throws IOException {
    String html = readHtml(file);
    List<Map<String, String>> forms = tags(html, "form");
    assertThat(forms).hasSize(1);
    assertThat(forms.get(0)).containsEntry("role", "form");
    assertThat(forms.get(0).get("name")).matches("[a-z][A-Za-z]+");
    assertThat(html)
        .doesNotContain(
            "ng-bind-html", "innerHTML", "eval(", "$sce", "ng-include", "document.write");
    for (String script : camScripts(html)) {
      assertThat(script).doesNotContain("{{");
    }
    assertThat(html).contains("camForm.on('submit'", "camForm.submitPrevented = true");
    for (Map<String, String> control : controls(html)) {
      assertThat(control.get("cam-variable-name"))
          .isIn(variableNamesOf(PlanImportProcess.Variables.class));
      assertThat(control.get("name")).isEqualTo(control.get("cam-variable-name"));
    }
  }

  @Test
  void planImportStartTakesATxtOrDocxFileUpTo20MbOrPastedText() throws IOException {
    String html = readHtml("plan-import-start.html");
    Map<String, Map<String, String>> fields = controlsByName(html);
    assertThat(fields).containsOnlyKeys(PlanImportProcess.Variables.PLAN_FILE);
    assertThat(fields.get(PlanImportProcess.Variables.PLAN_FILE))
        .containsEntry("type", "file")
        .containsEntry("cam-variable-type", "File")
        .containsEntry("cam-max-filesize", MAX_FILE_BYTES)
        .containsEntry("accept", ".txt,.docx");
    // pasted text goes as Json: a String variable holds at most 4,000 characters
    assertThat(html).contains("name: 'pastedPlan', type: 'Json'", "请上传方案文件，或粘贴方案全文。", "不超过 20 MB");
  }

  @Test
  void planCheckDecidesConfirmOrAbandonAndShowsWhatWasRead() throws IOException {
    String html = readHtml("plan-check.html");
    Map<String, String> decision = controlsByName(html).get(PlanImportProcess.Variables.DECISION);
    assertThat(decision)
        .containsEntry("tag", "select")
        .containsEntry("cam-variable-type", "String")
        .containsEntry("ng-required", "true");
    String select =
        html.substring(
            html.indexOf("id=\"fd-decision\""),
            html.indexOf("</select>", html.indexOf("id=\"fd-decision\"")));
    assertThat(tags(select, "option").stream().map(o -> o.get("value")).filter(v -> !v.isEmpty()))
        .containsExactly(PlanImportProcess.Variables.CONFIRM, PlanImportProcess.Variables.ABANDON);
    assertThat(select).contains(">确认导入<", ">放弃<");
    assertThat(html)
        .contains(
            "vm.fetchVariable('draft')",
            "vm.destroyVariable('draft')",
            "name: 'corrections', type: 'Json'",
            "{{ draft.issuer",
            "{{ task.text }}",
            "{{ warning.message }}",
            "{{ milestone.due }}",
            "未识别的单位名称",
            "对应到目录中的单位",
            "新增为单位",
            "不导入此项",
            "修改承办单位");
  }

  // ---------------------------------------------------------------- helpers

  private static JsonNode readForm(String file) throws IOException {
    return JSON.readTree(Files.readString(FORMS.resolve(file), StandardCharsets.UTF_8));
  }

  private static String readHtml(String file) throws IOException {
    return Files.readString(FORMS.resolve(file), StandardCharsets.UTF_8);
  }

  /** All components, depth first, groups included. */
  private static List<JsonNode> components(JsonNode container) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode c : container.path("components")) {
      all.add(c);
      all.addAll(components(c));
    }
    return all;
  }

  private static List<JsonNode> inputs(JsonNode form) {
    return components(form).stream()
        .filter(c -> !PRESENTATION_TYPES.contains(c.path("type").asText()))
        .toList();
  }

  private static Map<String, String> keysById(JsonNode form) {
    Map<String, String> keys = new LinkedHashMap<>();
    inputs(form).forEach(c -> keys.put(c.path("id").asText(), c.path("key").asText()));
    return keys;
  }

  private static JsonNode byId(JsonNode form, String id) {
    return components(form).stream()
        .filter(c -> id.equals(c.path("id").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no component " + id));
  }

  private static List<Map.Entry<String, String>> options(JsonNode field) {
    List<Map.Entry<String, String>> options = new ArrayList<>();
    field
        .path("values")
        .forEach(v -> options.add(Map.entry(v.path("value").asText(), v.path("label").asText())));
    return options;
  }

  private static String texts(JsonNode form) {
    return components(form).stream()
        .map(c -> c.path("text").asText(""))
        .collect(Collectors.joining("\n"));
  }

  /**
   * Names of the process variables a form may use: the String constants of {@link
   * TaskSupervision.Variables}, or of the class {@link #VARIABLES_OF_FORM} names for it.
   */
  private static Set<String> variableNames(String file) {
    return variableNamesOf(VARIABLES_OF_FORM.getOrDefault(file, TaskSupervision.Variables.class));
  }

  private static Set<String> variableNamesOf(Class<?> constants) {
    Set<String> names = new HashSet<>();
    for (Field f : constants.getDeclaredFields()) {
      int mod = f.getModifiers();
      if (Modifier.isStatic(mod) && Modifier.isFinal(mod) && f.getType() == String.class) {
        try {
          names.add((String) f.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return names;
  }

  private static final Pattern ATTRIBUTE =
      Pattern.compile("([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\\s*=\\s*\"([^\"]*)\")?");

  /** The attributes of every {@code <tag …>} in the page, plus {@code tag}. */
  private static List<Map<String, String>> tags(String html, String... names) {
    String alternatives = String.join("|", names);
    Matcher m = Pattern.compile("<(" + alternatives + ")\\b([^>]*)>", Pattern.DOTALL).matcher(html);
    List<Map<String, String>> tags = new ArrayList<>();
    while (m.find()) {
      Map<String, String> attributes = new LinkedHashMap<>();
      attributes.put("tag", m.group(1));
      Matcher a = ATTRIBUTE.matcher(m.group(2));
      while (a.find()) {
        attributes.put(a.group(1), a.group(2) == null ? "" : a.group(2));
      }
      tags.add(attributes);
    }
    return tags;
  }

  /** Controls bound to process variables. */
  private static List<Map<String, String>> controls(String html) {
    return tags(html, "input", "textarea", "select").stream()
        .filter(a -> a.containsKey("cam-variable-name"))
        .toList();
  }

  private static Map<String, Map<String, String>> controlsByName(String html) {
    Map<String, Map<String, String>> byName = new LinkedHashMap<>();
    controls(html).forEach(a -> byName.put(a.get("cam-variable-name"), a));
    return byName;
  }

  private static List<String> camScripts(String html) {
    Matcher m =
        Pattern.compile("<script\\b[^>]*\\bcam-script\\b[^>]*>(.*?)</script>", Pattern.DOTALL)
            .matcher(html);
    List<String> scripts = new ArrayList<>();
    while (m.find()) {
      scripts.add(m.group(1));
    }
    assertThat(scripts).isNotEmpty();
    return scripts;
  }
}
