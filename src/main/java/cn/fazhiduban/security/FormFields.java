package cn.fazhiduban.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables one deployed form lets a client set, with their types, read from the form itself:
 * the {@code key}s of a Camunda Form's input components, or the {@code cam-variable-name}/{@code
 * cam-variable-type} attributes of an embedded HTML form. A completion may set these and nothing
 * else.
 *
 * <p>Display-only components are not writable: form-js never submits a {@code disabled} field; a
 * {@code readonly} field is submitted by Tasklist as it was shown, so it may come back only
 * unchanged ({@link Field#echoOnly()}).
 */
public record FormFields(Map<String, Field> fields) {

  /** What a task without a form, or with a form we cannot read, lets a client set: nothing. */
  public static final FormFields NONE = new FormFields(Map.of());

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The value types a field accepts, by the engine's value type names (lower case). */
  public enum Kind {
    TEXT("string"),
    INTEGER("integer", "long", "short"),
    NUMBER("integer", "long", "short", "double"),
    BOOLEAN("boolean"),
    DATE("date", "string"),
    LIST("json", "object"),
    FILE("file"),
    /** A form-js expression field: computed by the form, any simple value. */
    ANY_SIMPLE("string", "integer", "long", "short", "double", "boolean", "json");

    private final Set<String> types;

    Kind(String... types) {
      this.types = Set.of(types);
    }

    public boolean accepts(String type) {
      return type == null || "null".equals(type) || types.contains(type);
    }

    static Kind ofEmbeddedType(String type) {
      return switch (type == null ? "string" : type.toLowerCase(Locale.ROOT)) {
        case "integer", "long", "short" -> INTEGER;
        case "double" -> NUMBER;
        case "boolean" -> BOOLEAN;
        case "date" -> DATE;
        case "file", "bytes" -> FILE;
        case "json", "object" -> LIST;
        default -> TEXT;
      };
    }
  }

  /**
   * One writable variable.
   *
   * @param accept for file fields, the file name extensions the form accepts (lower case, no dot);
   *     empty for others
   */
  public record Field(String name, Kind kind, boolean echoOnly, List<String> accept) {}

  /**
   * A variable as a client sent it: its name, the engine's type name (lower case, {@code null} when
   * untyped null).
   */
  public record Submitted(String name, String type, Object value) {}

  public Set<String> names() {
    return fields.keySet();
  }

  public Optional<Field> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /**
   * Why the submitted variables are not acceptable, in Chinese, or empty when they are.
   *
   * @param current the variable's value before the submission, for fields that may only come back
   *     unchanged
   */
  public Optional<String> problem(List<Submitted> submitted, Function<String, Object> current) {
    for (Submitted variable : submitted) {
      Field field = fields.get(variable.name());
      if (field == null) {
        return Optional.of(
            "表单中没有“"
                + variable.name()
                + "”这一项，不能提交。只能提交本待办表单中的内容"
                + (fields.isEmpty()
                    ? "（本待办的表单没有可填写的项目）。"
                    : "：" + String.join("、", fields.keySet()) + "。"));
      }
      if (!field.kind().accepts(variable.type())) {
        return Optional.of("“" + variable.name() + "”的类型（" + variable.type() + "）与表单不符，未予提交。");
      }
      if (field.echoOnly() && !sameValue(variable.value(), current.apply(variable.name()))) {
        return Optional.of("“" + variable.name() + "”是只读项，不能修改。");
      }
    }
    return Optional.empty();
  }

  private static boolean sameValue(Object submitted, Object current) {
    String a = submitted == null ? "" : submitted.toString();
    String b = current == null ? "" : current.toString();
    return a.equals(b);
  }

  /** Reads a deployed form: JSON is a Camunda Form, anything else an embedded HTML form. */
  public static FormFields parse(byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8).strip();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return text.startsWith("{") ? camundaForm(text) : embeddedForm(text);
  }

  // ---------------------------------------------------------------- Camunda Forms (form-js)

  static FormFields camundaForm(String json) {
    JsonNode schema;
    try {
      schema = JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("表单不是有效的 JSON", e);
    }
    Map<String, Field> fields = new LinkedHashMap<>();
    collect(schema.path("components"), fields);
    return new FormFields(Collections.unmodifiableMap(fields));
  }

  private static void collect(JsonNode components, Map<String, Field> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      String path = component.path("path").asText("");
      if (!path.isBlank() && component.has("components")) {
        // A group or dynamic list with a path submits one object variable named by the path's first
        // segment.
        String name = firstSegment(path);
        fields.put(name, new Field(name, Kind.LIST, false, List.of()));
        continue;
      }
      if (component.has("components")) {
        collect(component.path("components"), fields);
      }
      String key = component.path("key").asText("");
      if (key.isBlank() || component.path("disabled").asBoolean(false)) {
        continue;
      }
      Kind kind =
          switch (type) {
            case "textfield", "textarea" -> Kind.TEXT;
            case "radio", "select" -> isNumericSelect(component) ? Kind.ANY_SIMPLE : Kind.TEXT;
            case "number" ->
                component.path("serializeToString").asBoolean(false) ? Kind.TEXT : Kind.NUMBER;
            case "checkbox" -> Kind.BOOLEAN;
            case "checklist", "taglist" -> Kind.LIST;
            case "datetime" -> Kind.DATE;
            case "expression" -> Kind.ANY_SIMPLE;
            default ->
                null; // text, html, image, button, spacer, separator, iframe, table: nothing to
              // submit
          };
      if (kind == null) {
        continue;
      }
      JsonNode readonly = component.path("readonly");
      boolean echoOnly = readonly.isBoolean() ? readonly.asBoolean() : readonly.isTextual();
      String name = firstSegment(key);
      fields.put(name, new Field(name, kind, echoOnly, List.of()));
    }
  }

  /** A radio or select whose option values are numbers submits numbers. */
  private static boolean isNumericSelect(JsonNode component) {
    for (JsonNode option : component.path("values")) {
      if (option.path("value").isNumber()) {
        return true;
      }
    }
    return false;
  }

  private static String firstSegment(String key) {
    int dot = key.indexOf('.');
    return dot < 0 ? key : key.substring(0, dot);
  }

  // ---------------------------------------------------------------- embedded HTML forms

  /** One start tag that carries {@code cam-variable-name}. */
  private static final Pattern VARIABLE_TAG =
      Pattern.compile(
          "<[a-zA-Z][^>]*?\\bcam-variable-name\\s*=\\s*[\"']([^\"']+)[\"'][^>]*>", Pattern.DOTALL);

  private static final Pattern TYPE =
      Pattern.compile("\\bcam-variable-type\\s*=\\s*[\"']([^\"']+)[\"']");
  private static final Pattern ACCEPT = Pattern.compile("\\baccept\\s*=\\s*[\"']([^\"']*)[\"']");
  private static final Pattern CHECKBOX = Pattern.compile("\\btype\\s*=\\s*[\"']checkbox[\"']");
  private static final Pattern READONLY = Pattern.compile("\\s(readonly|disabled)(\\s|=|>|/)");

  /**
   * A variable the form's own script creates ({@code camForm.variableManager.createVariable({name:
   * 'x', type: 'T', …})}), for values a form composes from several controls (a list of chosen
   * units, the office's corrections).
   */
  private static final Pattern CREATED_VARIABLE =
      Pattern.compile(
          "createVariable\\(\\s*\\{\\s*name\\s*:\\s*['\"]([^'\"]+)['\"]\\s*,\\s*type\\s*:\\s*['\"]([^'\"]+)['\"]");

  static FormFields embeddedForm(String html) {
    Map<String, Field> fields = new LinkedHashMap<>();
    Matcher tags = VARIABLE_TAG.matcher(html);
    while (tags.find()) {
      String tag = tags.group();
      String name = tags.group(1).strip();
      Matcher type = TYPE.matcher(tag);
      Kind kind =
          type.find()
              ? Kind.ofEmbeddedType(type.group(1))
              : CHECKBOX.matcher(tag).find() ? Kind.BOOLEAN : Kind.TEXT;
      List<String> accept = List.of();
      Matcher acceptAttribute = ACCEPT.matcher(tag);
      if (kind == Kind.FILE && acceptAttribute.find()) {
        accept =
            Arrays.stream(acceptAttribute.group(1).split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> s.startsWith("."))
                .map(s -> s.substring(1))
                .toList();
      }
      fields.put(name, new Field(name, kind, READONLY.matcher(tag).find(), accept));
    }
    Matcher created = CREATED_VARIABLE.matcher(html);
    while (created.find()) {
      fields.putIfAbsent(
          created.group(1),
          new Field(created.group(1), Kind.ofEmbeddedType(created.group(2)), false, List.of()));
    }
    return new FormFields(Collections.unmodifiableMap(fields));
  }
}
