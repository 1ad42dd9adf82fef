package cn.fazhiduban.escalation;

import cn.fazhiduban.supervision.Viewer;
import cn.fazhiduban.web.ApiException;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/escalations}: the ladder's open and closed escalations; 依法治区办 closes one with a
 * reason.
 */
@RestController
@RequestMapping("/api/escalations")
class EscalationController {

  private final EscalationRepository escalations;
  private final EscalationService service;

  EscalationController(EscalationRepository escalations, EscalationService service) {
    this.escalations = escalations;
    this.service = service;
  }

  record EscalationRow(
      long id,
      long roundId,
      int taskNo,
      String unit,
      String unitCode,
      String level,
      int daysOverdue,
      Instant since,
      String status,
      String processInstanceId,
      Instant closedAt,
      String closedBy,
      String closeReason) {

    static EscalationRow of(Escalation e) {
      return new EscalationRow(
          e.getId(),
          e.getRoundId(),
          e.getTaskNo(),
          e.getUnitName(),
          e.getUnitCode(),
          e.getLevel().label(),
          e.getDaysOverdue(),
          e.getSince(),
          e.getStatus().name().toLowerCase(),
          e.getProcessInstanceId(),
          e.getClosedAt(),
          e.getClosedBy() == null ? null : e.getClosedBy().name(),
          e.getCloseReason());
    }
  }

  record CloseRequest(String reason) {}

  @GetMapping
  List<EscalationRow> list(@RequestParam(required = false) String status, Authentication user) {
    Viewer viewer = Viewer.of(user);
    List<Escalation> rows =
        switch (status == null ? "" : status) {
          case "open" -> escalations.findByStatusOrderBySinceDescIdDesc(Escalation.Status.OPEN);
          case "closed" -> escalations.findByStatusOrderBySinceDescIdDesc(Escalation.Status.CLOSED);
          case "" -> escalations.findAllByOrderBySinceDescIdDesc();
          default ->
              throw new ApiException(
                  HttpStatus.BAD_REQUEST, "invalid", "status 只能是 open 或 closed。");
        };
    return rows.stream().filter(e -> viewer.sees(e.getUnitCode())).map(EscalationRow::of).toList();
  }

  @PostMapping("/{id}/close")
  EscalationRow close(
      @PathVariable long id, @RequestBody CloseRequest request, Authentication user) {
    return EscalationRow.of(
        service.closeByOffice(id, request == null ? null : request.reason(), user.getName()));
  }
}
