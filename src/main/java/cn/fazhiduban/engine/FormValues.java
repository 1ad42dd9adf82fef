package cn.fazhiduban.engine;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads what a form submitted, whichever way it came (Tasklist's Camunda Forms, an embedded form,
 * or the REST API), and refuses bad values with a Chinese message that Tasklist and the REST API
 * show as a 400.
 */
public final class FormValues {

  /**
   * The one list of evidence limits; the embedded forms' {@code accept} attributes repeat it for
   * the file picker.
   */
  public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

  public static final List<String> FILE_TYPES =
      List.of("pdf", "doc", "docx", "xls", "xlsx", "jpg", "jpeg", "png", "zip");
  public static final int EVIDENCE_SLOTS = 5;

  /** File variables evidence1 … evidence5 (佐证材料). */
  public static final String EVIDENCE_PREFIX = "evidence";

  private final VariableScope scope;

  public FormValues(VariableScope scope) {
    this.scope = scope;
  }

  public static FormFieldValidationException invalid(String field, String message) {
    return new FormFieldValidationException(field, message);
  }

  /** Trimmed text, or {@code null} where nothing was entered. */
  public String text(String name, String label, int maxLength, boolean required) {
    Object value = scope.getVariable(name);
    String text = value == null ? null : value.toString().strip();
    if (text == null || text.isEmpty()) {
      if (required) {
        throw invalid(name, "请填写" + label + "。");
      }
      return null;
    }
    if (text.codePointCount(0, text.length()) > maxLength) {
      throw invalid(name, label + "不能超过 " + maxLength + " 字。");
    }
    return text;
  }

  public Integer integer(String name, String label, int min, int max) {
    Object value = scope.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      throw invalid(name, "请填写" + label + "。");
    }
    long number;
    try {
      number = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().strip());
    } catch (NumberFormatException e) {
      throw invalid(name, label + "必须是整数。");
    }
    if (number < min || number > max) {
      throw invalid(name, label + "必须在 " + min + "–" + max + " 之间。");
    }
    return (int) number;
  }

  public String choice(String name, String label, List<String> allowed) {
    Object value = scope.getVariable(name);
    if (value == null || !allowed.contains(value.toString())) {
      throw invalid(name, "请选择" + label + "。");
    }
    return value.toString();
  }

  /** A checklist: Json array (Camunda Forms), a Java collection, or JSON text. */
  public List<String> list(String name) {
    Object value = scope.getVariable(name);
    List<String> values = new ArrayList<>();
    if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements()
          .forEach(
              element ->
                  values.add(element.isString() ? element.stringValue() : element.toString()));
    } else if (value instanceof Collection<?> collection) {
      collection.forEach(element -> values.add(String.valueOf(element)));
    } else if (value instanceof String text && !text.isBlank()) {
      SpinJsonNode json = org.camunda.spin.Spin.JSON(text);
      if (!json.isArray()) {
        throw invalid(name, "所选内容格式不正确。");
      }
      json.elements().forEach(element -> values.add(element.stringValue()));
    }
    return values;
  }

  /** A date field: form-js submits yyyy-MM-dd text; API clients may send a Date. */
  public LocalDate date(String name, String label) {
    Object value = scope.getVariable(name);
    if (value instanceof Date date) {
      return date.toInstant().atZone(EngineClock.ZONE).toLocalDate();
    }
    if (value == null || value.toString().isBlank()) {
      throw invalid(name, "请填写" + label + "。");
    }
    String text = value.toString().strip();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw invalid(name, label + "不是有效的日期（格式：2026-12-31）。");
    }
  }

  /**
   * The names of the evidence files (佐证材料) submitted in evidence1 … evidence5, each checked against
   * the limits.
   */
  public List<String> evidence() {
    List<String> names = new ArrayList<>();
    for (int slot = 1; slot <= EVIDENCE_SLOTS; slot++) {
      String name = EVIDENCE_PREFIX + slot;
      TypedValue value = scope.getVariableTyped(name, false);
      if (value instanceof FileValue file && file.getFilename() != null) {
        String filename = file.getFilename();
        int dot = filename.lastIndexOf('.');
        String type = dot < 0 ? "" : filename.substring(dot + 1).toLowerCase();
        if (!FILE_TYPES.contains(type)) {
          throw invalid(
              name, "佐证材料“" + filename + "”的类型不支持，请上传 " + String.join("、", FILE_TYPES) + " 文件。");
        }
        if (size(file) > MAX_FILE_BYTES) {
          throw invalid(name, "佐证材料“" + filename + "”超过 20 MB。");
        }
        names.add(filename);
      }
    }
    return names;
  }

  private static long size(FileValue file) {
    try (var in = file.getValue()) {
      return in == null ? 0 : in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (java.io.IOException e) {
      throw invalid("evidence", "佐证材料无法读取，请重新上传。");
    }
  }
}
