package cn.fazhiduban.support;

import java.util.HashMap;
import java.util.Map;

/**
 * A progress report filled in as a clerk fills the 报送工作进展 form: the fixture of every test that
 * reports.
 */
public final class ReportForm {

  private ReportForm() {}

  /** The form's fields, valid; a fresh map each call, so a test may change a field. */
  public static Map<String, Object> filled() {
    Map<String, Object> report = new HashMap<>();
    report.put("progress", "已制定工作方案并推进落实。");
    report.put("completion", "推进中");
    report.put("percent", 60);
    report.put("problems", "无");
    report.put("nextSteps", "继续推进");
    report.put("contact", "张明");
    report.put("phone", "13812345678");
    return report;
  }
}
