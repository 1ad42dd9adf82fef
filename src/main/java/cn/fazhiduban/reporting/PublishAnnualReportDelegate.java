package cn.fazhiduban.reporting;

import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.reporting.AnnualReportProcess.Variables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** 发布年度报告: the approved version, stamped 已发布 with the date, becomes the published version. */
@Component
public class PublishAnnualReportDelegate implements JavaDelegate {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final AnnualReportStore store;
  private final EngineClock clock;

  PublishAnnualReportDelegate(AnnualReportStore store, EngineClock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long reportId = AnnualReportProcess.Typed.REPORT_ID.get(execution);
    AnnualReportStore.Version approved =
        store
            .latestOf(reportId)
            .orElseThrow(() -> new IllegalStateException("年度报告 " + reportId + " 没有任何版本"));
    Authentication user =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String by = user == null || user.getUserId() == null ? "system" : user.getUserId();
    byte[] published = stamp(approved.content(), "发布状态：已发布（" + DATE.format(clock.today()) + "）");
    int version =
        store.addVersion(
            reportId, AnnualReportProcess.KIND_PUBLISHED, published, null, by, clock.now());
    store.published(reportId, by, clock.now());
    execution.setVariable(Variables.VERSION, version);
  }

  /** Adds the status line at the end of the report, where a published document carries its date. */
  static byte[] stamp(byte[] docx, String status) {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XWPFParagraph line = document.createParagraph();
      line.setAlignment(ParagraphAlignment.RIGHT);
      XWPFRun run = line.createRun();
      run.setText(status);
      run.setFontFamily("宋体");
      run.setBold(true);
      document.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
