package cn.fazhiduban.reporting;

import cn.fazhiduban.engine.CurrentUser;
import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.reporting.AnnualReportProcess.Variables;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

/**
 * 修改年度报告 completed: an uploaded .docx becomes the next version as it is; otherwise, where the
 * office changed the text in the form, the text becomes the next version. Either way the report
 * goes to the leaders.
 */
@Component
public class RecordRevisionListener implements TaskListener {

  /** A revised report larger than this is refused (a report with a few images stays well below). */
  static final int MAX_BYTES = 20 * 1024 * 1024;

  private final AnnualReportStore store;
  private final EngineClock clock;
  private final CurrentUser currentUser;

  RecordRevisionListener(AnnualReportStore store, EngineClock clock, CurrentUser currentUser) {
    this.store = store;
    this.clock = clock;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    long reportId = AnnualReportProcess.Typed.REPORT_ID.get(task);
    String by = currentUser.of(task);
    FileValue file = task.getExecution().getVariableTyped(Variables.REVISED_REPORT);
    if (file != null && file.getValue() != null) {
      byte[] content;
      try (var in = file.getValue()) {
        content = in.readAllBytes();
      } catch (java.io.IOException e) {
        throw new BadUserRequestException("修改稿无法读取，请重新上传。");
      }
      if (content.length == 0 || content.length > MAX_BYTES) {
        throw new BadUserRequestException("修改稿应为不超过 20 MB 的 .docx 文件。");
      }
      String text;
      try {
        text = ReportDocument.textOf(content);
      } catch (IllegalArgumentException e) {
        throw new BadUserRequestException("修改稿不是有效的 Word（.docx）文件，请另存为 .docx 后重新上传。");
      }
      int version =
          store.addVersion(
              reportId, AnnualReportProcess.KIND_UPLOADED, content, null, by, clock.now());
      task.getExecution().removeVariable(Variables.REVISED_REPORT);
      task.getExecution().setVariable(Variables.REPORT_TEXT, text);
      task.getExecution().setVariable(Variables.VERSION, version);
    } else {
      Object edited = task.getVariable(Variables.REPORT_TEXT);
      String text = edited == null ? "" : edited.toString();
      if (text.isBlank()) {
        throw new BadUserRequestException("报告正文不能为空：请修改正文或上传修改稿。");
      }
      String current =
          store.latestOf(reportId).map(v -> ReportDocument.textOf(v.content())).orElse("");
      if (!normalized(text).equals(normalized(current))) {
        byte[] content = ReportDocument.fromText(text).toDocx();
        int version =
            store.addVersion(
                reportId, AnnualReportProcess.KIND_EDITED, content, null, by, clock.now());
        task.getExecution().setVariable(Variables.VERSION, version);
      }
    }
    store.status(reportId, AnnualReportProcess.IN_REVIEW);
  }

  private static String normalized(String text) {
    return text.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .reduce("", (a, b) -> a + "\n" + b);
  }
}
