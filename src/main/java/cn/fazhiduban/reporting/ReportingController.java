package cn.fazhiduban.reporting;

import cn.fazhiduban.supervision.Viewer;
import cn.fazhiduban.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports for people who read: {@code /api/scores}, the 台账 ({@code /api/rounds/{id}/ledger.xlsx}),
 * the annual report ({@code /api/reports/annual/{year}.docx}) and the 督办总览 data ({@code
 * /api/overview}). Everyone logged in may call them and a unit's user sees his own unit only; the
 * annual report is for 依法治区办, leaders and administrators.
 */
@RestController
class ReportingController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  static final MediaType DOCX =
      MediaType.parseMediaType(
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  private final ScoreService scores;
  private final OverviewService overview;
  private final LedgerExporter ledger;
  private final AnnualReportStore reports;

  ReportingController(
      ScoreService scores,
      OverviewService overview,
      LedgerExporter ledger,
      AnnualReportStore reports) {
    this.scores = scores;
    this.overview = overview;
    this.ledger = ledger;
    this.reports = reports;
  }

  @GetMapping("/api/scores")
  ScoreService.Scores scores(
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) Long roundId,
      Authentication user) {
    if ((year == null) == (roundId == null)) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "invalid", "请给出年份（year）或督办轮次（roundId）中的一个。");
    }
    return scores.scores(year != null ? scores.year(year) : scores.round(roundId), Viewer.of(user));
  }

  @GetMapping("/api/overview")
  OverviewService.Overview overview(
      @RequestParam(required = false) Long roundId,
      @RequestParam(required = false) Integer year,
      Authentication user) {
    return overview.overview(roundId, year, Viewer.of(user));
  }

  /**
   * Written straight to the response in the request's thread: no async timeout cuts a large export
   * short.
   */
  @GetMapping("/api/rounds/{id}/ledger.xlsx")
  void ledger(@PathVariable long id, Authentication user, HttpServletResponse response)
      throws IOException {
    scores.round(id); // 404 before the first byte is streamed
    response.setContentType(XLSX.toString());
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(LedgerFiles.ledgerName(id)));
    ledger.write(id, Viewer.of(user), response.getOutputStream());
    response.flushBuffer();
  }

  @GetMapping("/api/reports/annual/{year}.docx")
  ResponseEntity<byte[]> annualReport(@PathVariable int year, Authentication user) {
    if (!Viewer.of(user).seesAll()) {
      throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "年度报告仅供依法治区办和领导查阅。");
    }
    AnnualReportStore.Version latest =
        reports.latest(year).orElseThrow(() -> ApiException.notFound(year + "年法治政府建设年度报告"));
    return ResponseEntity.ok()
        .contentType(DOCX)
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(LedgerFiles.annualReportName(year)))
        .header("X-Report-Status", latest.status())
        .header("X-Report-Version", String.valueOf(latest.version()))
        .body(latest.content());
  }

  static String attachment(String filename) {
    return ContentDisposition.attachment()
        .filename(filename, StandardCharsets.UTF_8)
        .build()
        .toString();
  }
}
