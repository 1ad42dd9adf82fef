package cn.fazhiduban.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import cn.fazhiduban.reporting.AnnualReportProcess;
import cn.fazhiduban.reporting.AnnualReportProcess.Elements;
import cn.fazhiduban.reporting.AnnualReportProcess.Variables;
import cn.fazhiduban.reporting.AnnualReportStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 法治政府建设年度报告: drafted, edited in the form, returned by the leaders with an opinion, revised by
 * upload, approved and published; every version kept. Refusals: a return without an opinion, an
 * upload that is no .docx.
 */
@CoverageOf(AnnualReportProcess.PROCESS_ID)
class AnnualReportProcessTest extends ProcessTestSupport {

  private static final int YEAR = 2026;

  @Autowired AnnualReportStore store;

  @BeforeEach
  void inJanuary() {
    startClockAt(LocalDate.of(2027, 1, 12));
  }

  private ProcessInstance start() {
    return processEngine
        .getRuntimeService()
        .startProcessInstanceByKey(AnnualReportProcess.PROCESS_ID, Map.of(Variables.YEAR, YEAR));
  }

  @Test
  void draftedEditedReturnedRevisedApprovedAndPublished() throws IOException {
    // other tests may have written reports for the year before; this one adds four versions
    int versionsBefore = store.versionCount(YEAR);
    ProcessInstance instance = start();
    assertThat(instance)
        .hasPassed(Elements.START_BY_OFFICE, Elements.DRAFT_REPORT)
        .isWaitingAt(Elements.REVISE_REPORT);
    assertThat(task()).hasCandidateGroup("yfzqb");
    AnnualReportStore.Version draft = store.latest(YEAR).orElseThrow();
    assertThat(draft.version()).isEqualTo(1);
    assertThat(draft.kind()).isEqualTo(AnnualReportProcess.KIND_DRAFT);
    assertThat(paragraphs(draft.content()).get(0)).isEqualTo("2026年法治政府建设年度报告");

    // the office edits the text in the form
    String text =
        (String)
            processEngine.getRuntimeService().getVariable(instance.getId(), Variables.REPORT_TEXT);
    assertThat(text).startsWith("2026年法治政府建设年度报告").contains("一、总体情况");
    taskService()
        .complete(task().getId(), Map.of(Variables.REPORT_TEXT, text + "依法治区办补充：全年无重大行政争议。\n"));
    assertThat(instance).isWaitingAt(Elements.APPROVE_REPORT);
    assertThat(task()).hasCandidateGroup("leaders");
    AnnualReportStore.Version edited = store.latest(YEAR).orElseThrow();
    assertThat(edited.version()).isEqualTo(2);
    assertThat(edited.kind()).isEqualTo(AnnualReportProcess.KIND_EDITED);
    assertThat(edited.status()).isEqualTo(AnnualReportProcess.IN_REVIEW);
    assertThat(paragraphs(edited.content())).contains("依法治区办补充：全年无重大行政争议。", "一、总体情况");

    // a return needs an opinion
    String approval = task().getId();
    assertThatThrownBy(
            () ->
                taskService()
                    .complete(approval, Map.of(Variables.APPROVAL, AnnualReportProcess.RETURN)))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasRootCauseMessage("退回时请填写审定意见。");
    taskService()
        .complete(
            approval,
            Map.of(
                Variables.APPROVAL,
                AnnualReportProcess.RETURN,
                Variables.APPROVAL_OPINION,
                "请补充行政复议案件数据。"));
    assertThat(instance).hasPassed(Elements.GATEWAY_APPROVED).isWaitingAt(Elements.REVISE_REPORT);
    assertThat(store.latest(YEAR).orElseThrow().status()).isEqualTo(AnnualReportProcess.RETURNED);

    // an upload that is no .docx is refused; a real one becomes the next version
    String revise = task().getId();
    assertThatThrownBy(
            () ->
                taskService()
                    .complete(
                        revise,
                        Map.of(
                            Variables.REVISED_REPORT, file("修改稿.docx", "不是 Word 文件".getBytes()))))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .rootCause()
        .hasMessageContaining(".docx");
    byte[] revised = docx("2026年法治政府建设年度报告", "一、总体情况", "行政复议案件 12 件，全部审结。");
    taskService().complete(revise, Map.of(Variables.REVISED_REPORT, file("修改稿.docx", revised)));
    AnnualReportStore.Version uploaded = store.latest(YEAR).orElseThrow();
    assertThat(uploaded.version()).isEqualTo(3);
    assertThat(uploaded.kind()).isEqualTo(AnnualReportProcess.KIND_UPLOADED);
    assertThat(uploaded.content()).isEqualTo(revised);

    taskService().complete(task().getId(), Map.of(Variables.APPROVAL, AnnualReportProcess.APPROVE));
    assertThat(instance)
        .hasPassed(Elements.PUBLISH_REPORT)
        .isEnded()
        .hasPassed(Elements.END_PUBLISHED);
    AnnualReportStore.Version published = store.latest(YEAR).orElseThrow();
    assertThat(published.version()).isEqualTo(4);
    assertThat(published.status()).isEqualTo(AnnualReportProcess.PUBLISHED);
    assertThat(paragraphs(published.content()))
        .contains("行政复议案件 12 件，全部审结。")
        .anyMatch(p -> p.contains("已发布") && p.contains("2027年1月12日"));
    assertThat(store.versionCount(YEAR)).isEqualTo(versionsBefore + 4);
  }

  @Test
  void anUnchangedTextAddsNoVersionAndAnEmptyOneIsRefused() {
    ProcessInstance instance = start();
    assertThat(instance).isWaitingAt(Elements.REVISE_REPORT);
    String revise = task().getId();
    assertThatThrownBy(() -> taskService().complete(revise, Map.of(Variables.REPORT_TEXT, "  ")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .rootCause()
        .hasMessageContaining("不能为空");
    taskService().complete(revise);
    assertThat(instance).isWaitingAt(Elements.APPROVE_REPORT);
    long reportId =
        AnnualReportProcess.Typed.REPORT_ID.from(
            processEngine.getRuntimeService().getVariables(instance.getId()));
    assertThat(store.latestOf(reportId).orElseThrow().version()).isEqualTo(1);
    Map<String, Object> bogus = new HashMap<>();
    bogus.put(Variables.APPROVAL, "maybe");
    String approve = task().getId();
    assertThatThrownBy(() -> taskService().complete(approve, bogus))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .rootCause()
        .hasMessageContaining("通过或退回");
  }

  private static FileValue file(String name, byte[] content) {
    return org.camunda.bpm.engine.variable.Variables.fileValue(name)
        .file(content)
        .mimeType("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        .create();
  }

  private static byte[] docx(String... paragraphs) throws IOException {
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String text : paragraphs) {
        document.createParagraph().createRun().setText(text);
      }
      document.write(out);
      return out.toByteArray();
    }
  }

  private static List<String> paragraphs(byte[] docx) throws IOException {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
      return document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
    }
  }
}
