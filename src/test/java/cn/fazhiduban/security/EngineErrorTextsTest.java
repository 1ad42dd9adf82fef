package cn.fazhiduban.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How a refused engine answer is put into Chinese, and what is left alone. */
class EngineErrorTextsTest {

  private final ObjectMapper mapper = new ObjectMapper();
  private final EngineErrorTexts texts = new EngineErrorTexts(mapper);

  private JsonNode translate(int status, String body) throws Exception {
    return mapper.readTree(texts.translate(status, body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anEnglishRefusalGetsAChineseMessageAndKeepsItsTypeCodeAndWords() throws Exception {
    JsonNode answer =
        translate(
            403,
            "{\"type\":\"AuthorizationException\",\"message\":\"The user with id 'zzrsb1' does not"
                + " have 'UPDATE' permission\",\"code\":0}");

    assertThat(answer.path("message").asText()).isEqualTo("没有权限执行此操作。");
    assertThat(answer.path("detail").asText()).startsWith("The user with id 'zzrsb1'");
    assertThat(answer.path("type").asText()).isEqualTo("AuthorizationException");
    assertThat(answer.path("code").asInt()).isZero();
  }

  @Test
  void eachStatusHasItsOwnText() {
    assertThat(EngineErrorTexts.chinese(400, "InvalidRequestException")).isEqualTo("请求的参数有误，未予处理。");
    assertThat(EngineErrorTexts.chinese(404, "InvalidRequestException")).startsWith("未找到所请求的对象");
    assertThat(EngineErrorTexts.chinese(409, "")).startsWith("该对象已被他人修改");
    assertThat(EngineErrorTexts.chinese(500, "OptimisticLockingException")).startsWith("该对象已被他人修改");
    assertThat(EngineErrorTexts.chinese(401, "")).startsWith("请先登录");
    assertThat(EngineErrorTexts.chinese(418, "")).isEqualTo("请求未被处理（HTTP 418）。");
  }

  @Test
  void chineseMessagesAndWhatIsNotAnErrorObjectAreLeftAsTheyAre() {
    for (String body :
        new String[] {
          "{\"type\":\"FormFieldValidationException\",\"message\":\"请填写工作进展。\"}",
          "[{\"id\":\"1\"}]",
          "not json",
          "",
          "{\"message\": 42}"
        }) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      assertThat(texts.translate(400, bytes)).as(body).isEqualTo(bytes);
    }
  }
}
