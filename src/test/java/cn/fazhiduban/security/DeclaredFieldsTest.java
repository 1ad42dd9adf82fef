package cn.fazhiduban.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.escalation.EscalationProcess;
import cn.fazhiduban.supervision.TaskSupervision;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The completion whitelist is read from the forms; these checks fail when a form and what the
 * whitelist allows disagree: every form in {@code forms/} (whichever lane added it) is read the way
 * the guard reads it and compared with an independent reading of the same file, and no form may let
 * a client write the variables the engine owns.
 */
class DeclaredFieldsTest {

  private static final Path FORMS = Path.of("forms");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Variables only delegates set: identity, routing, deadlines and what forms show. */
  private static final Set<String> ENGINE_OWNED =
      Set.of(
          TaskSupervision.Variables.ROUND_ID,
          TaskSupervision.Variables.TASK_NO,
          TaskSupervision.Variables.TASK_TITLE,
          TaskSupervision.Variables.TASK_TEXT,
          TaskSupervision.Variables.UNIT_CODE,
          TaskSupervision.Variables.UNIT_NAME,
          "reviewerGroups",
          TaskSupervision.Variables.REPORT_DUE,
          TaskSupervision.Variables.DEADLINE,
          TaskSupervision.Variables.LEAD_UNIT_NAMES,
          TaskSupervision.Variables.UNIT_OPTIONS,
          TaskSupervision.Variables.TASK_UNIT_OPTIONS,
          TaskSupervision.Variables.RETURN_OPINION,
          TaskSupervision.Variables.WAS_RETURNED,
          EscalationProcess.Variables.WORK_ITEM_ID,
          EscalationProcess.Variables.LEVEL,
          EscalationProcess.Variables.DUE_AT);

  static Stream<Path> forms() throws IOException {
    List<Path> forms = new ArrayList<>();
    try (Stream<Path> files = Files.list(FORMS)) {
      files
          .filter(p -> p.toString().endsWith(".form") || p.toString().endsWith(".html"))
          .sorted()
          .forEach(forms::add);
    }
    return forms.stream();
  }

  @ParameterizedTest
  @MethodSource("forms")
  void theWhitelistIsExactlyTheFormsWritableFields(Path form) throws IOException {
    byte[] content = Files.readAllBytes(form);
    FormFields declared = FormFields.parse(content);
    Set<String> expected =
        form.toString().endsWith(".form")
            ? writableKeys(JSON.readTree(content))
            : camVariableNames(new String(content, StandardCharsets.UTF_8));
    assertThat(declared.names()).as(form.toString()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @ParameterizedTest
  @MethodSource("forms")
  void noFormLetsAClientWriteWhatTheEngineOwns(Path form) throws IOException {
    FormFields declared = FormFields.parse(Files.readAllBytes(form));
    assertThat(declared.names()).as(form.toString()).doesNotContainAnyElementsOf(ENGINE_OWNED);
  }

  @ParameterizedTest
  @MethodSource("forms")
  void noTextComponentInterpolatesAVariable(Path form) throws IOException {
    if (!form.toString().endsWith(".form")) {
      return; // embedded forms bind with {{ }}, which AngularJS escapes and never renders as
      // Markdown
    }
    List<String> texts = new ArrayList<>();
    collectTexts(JSON.readTree(Files.readAllBytes(form)).path("components"), texts);
    // form-js renders text components as Markdown: a unit name like [点此](http://…) would become a
    // live link.
    assertThat(texts)
        .as(form.toString())
        .noneMatch(
            text -> text.contains("{{") || text.contains("=") && text.strip().startsWith("="));
  }

  @Test
  void theProgressReportAcceptsItsFieldsWithTheirTypesAndNothingElse() throws IOException {
    FormFields report = FormFields.parse(Files.readAllBytes(FORMS.resolve("progress-report.html")));
    assertThat(report.names())
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
    assertThat(report.field("evidence1").orElseThrow().accept())
        .containsExactly("pdf", "doc", "docx", "xls", "xlsx", "jpg", "jpeg", "png", "zip");

    assertThat(
            report.problem(
                List.of(
                    new FormFields.Submitted("progress", "string", "x"),
                    new FormFields.Submitted("percent", "integer", 5),
                    new FormFields.Submitted("evidence5", "file", null)),
                name -> null))
        .isEmpty();
    assertThat(
            report.problem(
                List.of(new FormFields.Submitted("reviewerGroups", "string", "")), name -> null))
        .get()
        .asString()
        .contains("reviewerGroups");
    assertThat(
            report.problem(
                List.of(new FormFields.Submitted("evidence6", "file", null)), name -> null))
        .get()
        .asString()
        .contains("evidence6");
    assertThat(
            report.problem(
                List.of(new FormFields.Submitted("progress", "object:java.io.File", "x")),
                name -> null))
        .get()
        .asString()
        .contains("类型");
    assertThat(
            report.problem(
                List.of(new FormFields.Submitted("percent", "string", "5")), name -> null))
        .isPresent();
  }

  @Test
  void readOnlyFieldsMayComeBackOnlyUnchangedAndDisabledOnesNotAtAll() {
    FormFields form =
        FormFields.parse(
            ("{\"components\": ["
                    + "{\"type\": \"textfield\", \"key\": \"unitName\", \"label\": \"承办单位\", \"readonly\": true},"
                    + "{\"type\": \"textfield\", \"key\": \"taskTitle\", \"label\": \"任务\", \"disabled\": true},"
                    + "{\"type\": \"text\", \"text\": \"说明\"},"
                    + "{\"type\": \"group\", \"components\": [{\"type\": \"checkbox\", \"key\": \"agreed\", \"label\": \"同意\"}]},"
                    + "{\"type\": \"checklist\", \"key\": \"units\", \"label\": \"单位\"}]}")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(form.names()).containsExactlyInAnyOrder("unitName", "agreed", "units");
    Map<String, Object> current = Map.of("unitName", "司法局");
    assertThat(
            form.problem(
                List.of(new FormFields.Submitted("unitName", "string", "司法局")), current::get))
        .isEmpty();
    assertThat(
            form.problem(
                List.of(new FormFields.Submitted("unitName", "string", "财政局")), current::get))
        .get()
        .asString()
        .contains("只读");
    assertThat(
            form.problem(
                List.of(new FormFields.Submitted("taskTitle", "string", "x")), current::get))
        .isPresent();
    assertThat(
            form.problem(
                List.of(
                    new FormFields.Submitted("agreed", "boolean", true),
                    new FormFields.Submitted("units", "json", "[\"a\"]")),
                current::get))
        .isEmpty();
  }

  @Test
  void variablesAFormsScriptCreatesAreItsFieldsWithTheirTypes() {
    FormFields form =
        FormFields.parse(
            ("<form><input cam-variable-name=\"topic\" cam-variable-type=\"String\">"
                    + "<script cam-script>camForm.on('submit', function () { camForm.variableManager.createVariable({\n"
                    + "  name: 'unitCodes', type: 'Json', value: [], isDirty: true }); });</script></form>")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(form.names()).containsExactlyInAnyOrder("topic", "unitCodes");
    assertThat(
            form.problem(
                List.of(new FormFields.Submitted("unitCodes", "json", "[\"sfj\"]")), name -> null))
        .isEmpty();
    assertThat(
            form.problem(
                List.of(new FormFields.Submitted("unitCodes", "string", "sfj")), name -> null))
        .isPresent();
  }

  // ---------------------------------------------------------------- an independent reading of the
  // files

  private static Set<String> writableKeys(JsonNode form) {
    Set<String> keys = new LinkedHashSet<>();
    collectKeys(form.path("components"), keys);
    return keys;
  }

  private static void collectKeys(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      collectKeys(component.path("components"), keys);
      if (component.hasNonNull("key")
          && !component.path("disabled").asBoolean(false)
          && !Set.of("text", "html", "button", "image", "spacer", "separator", "iframe", "table")
              .contains(component.path("type").asText())) {
        keys.add(component.path("key").asText().split("\\.")[0]);
      }
    }
  }

  private static void collectTexts(JsonNode components, List<String> texts) {
    for (JsonNode component : components) {
      collectTexts(component.path("components"), texts);
      if ("text".equals(component.path("type").asText())) {
        texts.add(component.path("text").asText());
      }
    }
  }

  private static Set<String> camVariableNames(String html) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = Pattern.compile("cam-variable-name=\"([^\"]+)\"").matcher(html);
    while (m.find()) {
      names.add(m.group(1));
    }
    // values a form's script composes: camForm.variableManager.createVariable({ name: 'x', type:
    // 'T', … })
    Matcher created = Pattern.compile("createVariable\\(\\{\\s*name: '([^']+)'").matcher(html);
    while (created.find()) {
      names.add(created.group(1));
    }
    return names;
  }
}
