package cn.fazhiduban.plan;

import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.plan.PlanImportService.ImportResult;
import cn.fazhiduban.plan.PlanTaskUnit.Role;
import cn.fazhiduban.plan.parse.ParsedPlan;
import cn.fazhiduban.plan.parse.PlanDocumentReader;
import cn.fazhiduban.plan.parse.PlanParseException;
import cn.fazhiduban.web.ApiErrors;
import cn.fazhiduban.web.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Plan import: {@code /api/plans}. A plan arrives as UTF-8 text or as a .txt/.docx file in the
 * field {@code file}.
 */
@RestController
@RequestMapping("/api/plans")
class PlanController {

  static final int MAX_PLAN_BYTES = 20 * 1024 * 1024;

  private final PlanImportService importService;
  private final PlanDocumentReader documentReader;
  private final PlanRepository plans;

  private final PlanCorrectionRepository corrections;
  private final ObjectMapper json;

  PlanController(
      PlanImportService importService,
      PlanDocumentReader documentReader,
      PlanRepository plans,
      PlanCorrectionRepository corrections,
      ObjectMapper json) {
    this.importService = importService;
    this.documentReader = documentReader;
    this.plans = plans;
    this.corrections = corrections;
    this.json = json;
  }

  @PostMapping(path = "/parse", consumes = MediaType.TEXT_PLAIN_VALUE)
  ParsedPlan parseText(
      @RequestBody byte[] body, @RequestHeader("Content-Type") String contentType) {
    return importService.parse(documentReader.toText(withinLimit(body), null, contentType));
  }

  @PostMapping(path = "/parse", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ParsedPlan parseFile(@RequestPart("file") MultipartFile file) throws IOException {
    return importService.parse(read(file));
  }

  @PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE)
  ResponseEntity<Map<String, Object>> importText(
      @RequestBody byte[] body, @RequestHeader("Content-Type") String contentType, Principal user) {
    return imported(
        importService.importPlan(
            documentReader.toText(withinLimit(body), null, contentType), user.getName()));
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, Object>> importFile(
      @RequestPart("file") MultipartFile file, Principal user) throws IOException {
    return imported(importService.importPlan(read(file), user.getName()));
  }

  /**
   * A plan that is no plan is a bad request (400); one whose parse ran past its deadline is
   * well-formed but cannot be processed (422, error {@code too-slow}).
   */
  @ExceptionHandler(PlanParseException.class)
  ResponseEntity<Map<String, Object>> refused(PlanParseException e) {
    HttpStatus status =
        PlanParseException.TOO_SLOW.equals(e.code())
            ? HttpStatus.UNPROCESSABLE_ENTITY
            : HttpStatus.BAD_REQUEST;
    Map<String, Object> details = new LinkedHashMap<>();
    if (e.line() != null) {
      details.put("line", e.line());
    }
    return ApiErrors.response(status, e.code(), e.getMessage(), details);
  }

  @GetMapping
  List<PlanSummary> list() {
    return plans.summaries();
  }

  @GetMapping("/{id}")
  @Transactional(readOnly = true)
  PlanDetail get(@PathVariable long id) {
    Plan plan = find(id);
    return new PlanDetail(
        plan.getId(),
        plan.getTitle(),
        plan.getIssuer(),
        plan.getIssuedOn(),
        plan.getImportedAt(),
        plan.getImportedBy(),
        plan.getTasks().size(),
        plan.getChapters().stream()
            .map(
                c ->
                    new ParsedPlan.Chapter(
                        c.getNumber(),
                        c.getTitle(),
                        c.getSections().stream()
                            .map(s -> new ParsedPlan.Section(s.getNumber(), s.getTitle()))
                            .toList()))
            .toList(),
        plan.getWarnings().stream()
            .map(w -> new ParsedPlan.ParseWarning(w.getLine(), w.getMessage()))
            .toList(),
        corrections.findByPlanIdOrderById(plan.getId()).stream().map(this::correction).toList());
  }

  /**
   * What the office changed in the 核对 step (plan-import), and who and when; the parser's first
   * reading is kept too.
   */
  private CorrectionView correction(PlanCorrection correction) {
    try {
      return new CorrectionView(
          correction.getCorrectedBy(),
          correction.getCorrectedAt().atZone(EngineClock.ZONE).toOffsetDateTime(),
          correction.getProcessInstanceId(),
          json.readTree(correction.getChanges()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @GetMapping("/{id}/tasks")
  @Transactional(readOnly = true)
  List<TaskView> tasks(@PathVariable long id) {
    return find(id).getTasks().stream().map(TaskView::of).toList();
  }

  private Plan find(long id) {
    return plans.findById(id).orElseThrow(() -> ApiException.notFound("方案 " + id));
  }

  /** A plan sent as text has the same 20 MB limit as an uploaded file. */
  private static byte[] withinLimit(byte[] body) {
    if (body.length > MAX_PLAN_BYTES) {
      throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "方案文件过大，不能超过 20 MB。");
    }
    return body;
  }

  private String read(MultipartFile file) throws IOException {
    if (file.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "unreadable", "上传的文件是空的。");
    }
    return documentReader.toText(
        file.getBytes(), file.getOriginalFilename(), file.getContentType());
  }

  private static ResponseEntity<Map<String, Object>> imported(ImportResult result) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", result.id());
    body.put("title", result.title());
    body.put("tasks", result.tasks());
    body.put("created", result.created());
    body.put("unresolvedUnits", result.unresolvedUnits());
    return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(body);
  }

  record PlanDetail(
      Long id,
      String title,
      String issuer,
      LocalDate issuedOn,
      Instant importedAt,
      String importedBy,
      int tasks,
      List<ParsedPlan.Chapter> chapters,
      List<ParsedPlan.ParseWarning> warnings,
      List<CorrectionView> corrections) {}

  record CorrectionView(
      String correctedBy, OffsetDateTime correctedAt, String processInstanceId, JsonNode changes) {}

  record UnitView(String role, String writtenName, String type, String unitCode, String name) {}

  record TaskView(
      int number,
      String chapter,
      String section,
      String text,
      List<String> leadUnits,
      List<String> responsibleUnits,
      boolean byDivision,
      boolean needsAssignment,
      List<ParsedPlan.Milestone> milestones,
      String annotation,
      int line,
      List<UnitView> units) {

    static TaskView of(PlanTask task) {
      return new TaskView(
          task.getNumber(),
          task.getChapter(),
          task.getSection(),
          task.getText(),
          task.unitsIn(Role.LEAD).stream().map(PlanTaskUnit::getWrittenName).toList(),
          task.unitsIn(Role.RESPONSIBLE).stream().map(PlanTaskUnit::getWrittenName).toList(),
          task.isByDivision(),
          task.isNeedsAssignment(),
          task.getMilestones().stream()
              .map(m -> new ParsedPlan.Milestone(m.getDue(), m.getText()))
              .toList(),
          task.getAnnotation(),
          task.getLine(),
          task.getUnits().stream()
              .map(
                  u ->
                      new UnitView(
                          u.getRole().name(),
                          u.getWrittenName(),
                          u.getRefType().name(),
                          u.getUnitCode(),
                          u.getCanonicalName()))
              .toList());
    }
  }
}
