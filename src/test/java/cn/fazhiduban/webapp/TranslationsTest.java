package cn.fazhiduban.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our zh-CN translation of each stock webapp against the English locale inside the Camunda webjar
 * on the classpath: a webapp update that adds or renames keys fails the build until we translate
 * them.
 */
class TranslationsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyEnglishKeyHasAChineseValue(String app) throws IOException {
    Map<String, JsonNode> english = leaves(read(app, "en.json"));
    Map<String, JsonNode> chinese = leaves(read(app, "zh-CN.json"));

    assertThat(english).as("%s 的英文词条", app).hasSizeGreaterThan(100);
    assertThat(chinese.keySet())
        .as("%s：zh-CN.json 与 webjar 中 en.json 的键", app)
        .containsExactlyInAnyOrderElementsOf(english.keySet());
    long inChinese =
        chinese.entrySet().stream()
            .filter(
                e ->
                    e.getValue().isTextual()
                        && e.getValue()
                            .asText()
                            .codePoints()
                            .anyMatch(
                                c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
            .count();
    long textual =
        english.values().stream()
            .filter(v -> v.isTextual() && v.asText().matches(".*[A-Za-z]{3,}.*"))
            .count();
    // Technical tokens (ID, JSON, Camunda, <null>) stay as they are; everything else is Chinese.
    assertThat((double) inChinese / textual).as("%s 中文覆盖率", app).isGreaterThan(0.97);
    for (Map.Entry<String, JsonNode> entry : english.entrySet()) {
      JsonNode value = chinese.get(entry.getKey());
      if (entry.getValue().isTextual()) {
        assertThat(value.isTextual()).as(entry.getKey()).isTrue();
        for (String placeholder : placeholders(entry.getValue().asText())) {
          assertThat(value.asText())
              .as("%s 保留占位符 %s", entry.getKey(), placeholder)
              .contains(placeholder);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theEndOfLifeBannerIsTranslatedWhereTheAppHasOne(String app) throws IOException {
    Map<String, JsonNode> chinese = leaves(read(app, "zh-CN.json"));
    chinese.entrySet().stream()
        .filter(e -> e.getKey().contains("EOL"))
        .forEach(
            e -> assertThat(e.getValue().asText()).as(e.getKey()).containsPattern("\\p{IsHan}"));
  }

  private static java.util.List<String> placeholders(String text) {
    java.util.List<String> found = new java.util.ArrayList<>();
    java.util.regex.Matcher matcher =
        java.util.regex.Pattern.compile("\\{\\{[^}]*\\}\\}").matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }

  private static JsonNode read(String app, String file) throws IOException {
    String path = "META-INF/resources/webjars/camunda/app/" + app + "/locales/" + file;
    try (InputStream in = TranslationsTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      byte[] bytes = in.readAllBytes();
      int bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef ? 3 : 0;
      return JSON.readTree(
          new String(bytes, bom, bytes.length - bom, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private static Map<String, JsonNode> leaves(JsonNode node) {
    Map<String, JsonNode> leaves = new TreeMap<>();
    collect(node, "", leaves);
    return leaves;
  }

  private static void collect(JsonNode node, String path, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        collect(field.getValue(), path + "/" + field.getKey(), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }
}
