package cn.fazhiduban.inspection;

import cn.fazhiduban.supervision.Viewer;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 法治督察: {@code /api/inspections}. Units see their own rows; 依法治区办, leaders and administrators all.
 */
@RestController
@RequestMapping("/api/inspections")
class InspectionController {

  private static final MediaType DOCX =
      MediaType.parseMediaType(
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  private final InspectionQueries queries;
  private final InspectionReport report;

  InspectionController(InspectionQueries queries, InspectionReport report) {
    this.queries = queries;
    this.report = report;
  }

  @GetMapping
  List<InspectionQueries.InspectionRow> list(
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String unit,
      Authentication user) {
    return queries.list(year, unit, Viewer.of(user)::sees);
  }

  @GetMapping("/coverage")
  InspectionQueries.Coverage coverage(
      @RequestParam(required = false) Long plan, Authentication user) {
    return queries.coverage(plan, Viewer.of(user)::sees);
  }

  @GetMapping("/proposal")
  InspectionQueries.Proposal proposal(
      @RequestParam(required = false) Long plan, Authentication user) {
    if (!Viewer.of(user).seesAll()) {
      throw new cn.fazhiduban.web.ApiException(
          HttpStatus.FORBIDDEN, "forbidden", "只有依法治区办和领导可以查看督察建议。");
    }
    return queries.proposal(plan);
  }

  /** The 督察报告, once the inspection has closed. */
  @GetMapping("/{id}/report.docx")
  ResponseEntity<byte[]> report(@PathVariable long id, Authentication user) {
    Viewer viewer = Viewer.of(user);
    if (!viewer.seesAll()) {
      throw new cn.fazhiduban.web.ApiException(
          HttpStatus.FORBIDDEN, "forbidden", "督察报告只供依法治区办和领导查看。");
    }
    Inspection inspection = queries.inspection(id, viewer::sees);
    if (inspection.getReportDraftedAt() == null) {
      throw new cn.fazhiduban.web.ApiException(
          HttpStatus.CONFLICT, "not-drafted", "督察尚未办结，督察报告还没有起草。");
    }
    return ResponseEntity.ok()
        .contentType(DOCX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("督察报告-" + id + ".docx", java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(report.docx(inspection));
  }
}
