package cn.fazhiduban.reporting;

/** File names of the downloads, the same from {@code /api} and from the Cockpit plugin. */
final class LedgerFiles {

  private LedgerFiles() {}

  static String ledgerName(long roundId) {
    return "督办台账-轮次" + roundId + ".xlsx";
  }

  static String annualReportName(int year) {
    return year + "年法治政府建设年度报告.docx";
  }
}
