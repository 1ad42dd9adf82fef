package cn.fazhiduban.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The guards' pieces on their own: path normalisation, log text, evidence checks and the 5xx
 * shield.
 */
class GuardUnitsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void pathsAreNormalisedBeforeTheyAreMatched() {
    assertThat(EnginePaths.normalise("/engine-rest/task/1/complete/", ""))
        .isEqualTo("/engine-rest/task/1/complete");
    assertThat(EnginePaths.normalise("/engine-rest/task;a=b/1;c/submit%2Dform", ""))
        .isEqualTo("/engine-rest/task/1/submit-form");
    assertThat(EnginePaths.normalise("/app//engine-rest//metrics", "/app"))
        .isEqualTo("/engine-rest/metrics");
    assertThat(EnginePaths.normalise("/engine-rest/task/%2e%2e/x", "")).isNull();
    assertThat(EnginePaths.normalise("/engine-rest/task/a%2Fb", "")).isNull();
    assertThat(EnginePaths.engineCall("/camunda/api/engine/engine/default/task/9/claim"))
        .isEqualTo(new EnginePaths.EngineCall("default", "/task/9/claim", true));
    assertThat(EnginePaths.engineCall("/engine-rest/engine/default/message"))
        .isEqualTo(new EnginePaths.EngineCall("default", "/message", false));
    assertThat(EnginePaths.engineCall("/api/rounds")).isNull();
  }

  @Test
  void downloadsAreAlwaysAttachments() throws Exception {
    EngineApiGuard guard = new EngineApiGuard(JSON, null, null, 1024, 1024);
    MockHttpServletResponse history = new MockHttpServletResponse();
    guard.doFilter(
        new MockHttpServletRequest("GET", "/engine-rest/history/variable-instance/1/data"),
        history,
        (req, resp) -> resp.getOutputStream().write(1));
    assertThat(history.getHeaders("Content-Disposition")).containsExactly("attachment");
    MockHttpServletResponse runtime = new MockHttpServletResponse();
    guard.doFilter(
        new MockHttpServletRequest("GET", "/engine-rest/task/1/variables/evidence1/data"),
        runtime,
        (req, resp) ->
            ((jakarta.servlet.http.HttpServletResponse) resp)
                .addHeader("Content-Disposition", "attachment; filename=\"a.pdf\""));
    assertThat(runtime.getHeaders("Content-Disposition"))
        .containsExactly("attachment; filename=\"a.pdf\"");
    // the engine writes a Chinese name as it is, which Tomcat would drop with the whole header
    MockHttpServletResponse chinese = new MockHttpServletResponse();
    guard.doFilter(
        new MockHttpServletRequest("GET", "/engine-rest/task/1/variables/evidence1/data"),
        chinese,
        (req, resp) ->
            ((jakarta.servlet.http.HttpServletResponse) resp)
                .setHeader("Content-Disposition", "attachment; filename=\"报告.pdf\""));
    assertThat(chinese.getHeader("Content-Disposition"))
        .matches("\\p{ASCII}+")
        .startsWith("attachment;")
        .contains("filename*=UTF-8''%E6%8A%A5%E5%91%8A.pdf");
    MockHttpServletResponse inline = new MockHttpServletResponse();
    guard.doFilter(
        new MockHttpServletRequest("GET", "/engine-rest/task/1/attachment/2/data"),
        inline,
        (req, resp) ->
            ((jakarta.servlet.http.HttpServletResponse) resp)
                .setHeader("Content-Disposition", "inline"));
    assertThat(inline.getHeaders("Content-Disposition")).containsExactly("attachment");
  }

  @Test
  void userTextInLogsCannotBreakALine() {
    assertThat(LogText.safe("admin\r\n2026 INFO 登录成功\u0000\u2028"))
        .isEqualTo("admin\\r\\n2026 INFO 登录成功\\u0000\\u2028");
    assertThat(LogText.safe(null)).isEqualTo("null");
  }

  @Test
  void evidenceIsCheckedByContentAndItsNameCleaned() throws Exception {
    byte[] pdf = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
    List<String> accept = List.of("pdf", "png", "zip");
    FileValue tricky =
        Variables.fileValue("..\\a/b\r\nSet-Cookie: x\".pdf")
            .file(pdf)
            .mimeType("text/html")
            .create();
    FileValue cleaned = EvidenceFiles.checked("evidence1", tricky, accept);
    assertThat(cleaned.getFilename()).isEqualTo("bSet-Cookie: x.pdf");
    assertThat(cleaned.getMimeType()).isEqualTo("application/pdf");
    assertThat(cleaned.getValue().readAllBytes()).isEqualTo(pdf);

    FileValue htmlAsPdf =
        Variables.fileValue("报告.pdf").file("<html>".getBytes(StandardCharsets.UTF_8)).create();
    assertThatThrownBy(() -> EvidenceFiles.checked("evidence1", htmlAsPdf, accept))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("内容");
    FileValue svg =
        Variables.fileValue("a.svg").file("<svg/>".getBytes(StandardCharsets.UTF_8)).create();
    assertThatThrownBy(() -> EvidenceFiles.checked("evidence1", svg, accept))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("类型");
    FileValue png =
        Variables.fileValue("a.png")
            .file(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0})
            .mimeType("image/png")
            .create();
    assertThat(EvidenceFiles.checked("evidence1", png, accept)).isSameAs(png);
  }

  @Test
  void aServerErrorBecomesAGenericChineseMessageWithAReferenceThatTheLogCarries() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(ServerErrorShield.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      ServerErrorShield shield = new ServerErrorShield(JSON);
      MockHttpServletResponse answered = new MockHttpServletResponse();
      shield.doFilter(
          new MockHttpServletRequest("POST", "/engine-rest/task/1/complete"),
          answered,
          new MockFilterChain(
              new jakarta.servlet.http.HttpServlet() {
                @Override
                protected void service(
                    jakarta.servlet.http.HttpServletRequest req,
                    jakarta.servlet.http.HttpServletResponse resp)
                    throws java.io.IOException {
                  resp.setStatus(500);
                  resp.setContentType("application/json");
                  resp.getWriter()
                      .write(
                          "{\"type\":\"ProcessEngineException\",\"message\":\"ENGINE-03004 SQL ...\"}");
                }
              }));
      JsonNode body = JSON.readTree(answered.getContentAsByteArray());
      assertThat(answered.getStatus()).isEqualTo(500);
      assertThat(body.path("error").asText()).isEqualTo("internal-error");
      assertThat(body.path("message").asText()).contains("参考编号 " + body.path("reference").asText());
      assertThat(answered.getContentAsString(StandardCharsets.UTF_8))
          .doesNotContain("ENGINE-03004");
      assertThat(appender.list)
          .anySatisfy(
              event ->
                  assertThat(event.getFormattedMessage())
                      .contains(body.path("reference").asText())
                      .contains("ENGINE-03004"));

      MockHttpServletResponse thrown = new MockHttpServletResponse();
      shield.doFilter(
          new MockHttpServletRequest("GET", "/api/x"),
          thrown,
          (req, resp) -> {
            throw new IllegalStateException("内部细节 select * from act_ru_task");
          });
      JsonNode thrownBody = JSON.readTree(thrown.getContentAsByteArray());
      assertThat(thrown.getStatus()).isEqualTo(500);
      assertThat(thrown.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("act_ru_task");
      assertThat(appender.list)
          .anySatisfy(
              event -> {
                assertThat(event.getFormattedMessage())
                    .contains(thrownBody.path("reference").asText());
                assertThat(event.getThrowableProxy().getMessage()).contains("act_ru_task");
              });

      MockHttpServletResponse fine = new MockHttpServletResponse();
      shield.doFilter(
          new MockHttpServletRequest("GET", "/api/x"),
          fine,
          (req, resp) -> {
            ((jakarta.servlet.http.HttpServletResponse) resp).setStatus(400);
            resp.getOutputStream()
                .write("{\"error\":\"invalid\"}".getBytes(StandardCharsets.UTF_8));
          });
      assertThat(fine.getStatus()).isEqualTo(400);
      assertThat(fine.getContentAsString()).isEqualTo("{\"error\":\"invalid\"}");
    } finally {
      logger.detachAppender(appender);
    }
  }
}
