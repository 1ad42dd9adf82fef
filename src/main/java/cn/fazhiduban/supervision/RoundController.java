package cn.fazhiduban.supervision;

import cn.fazhiduban.supervision.RoundService.OpenRound;
import cn.fazhiduban.supervision.RoundService.Opened;
import cn.fazhiduban.supervision.RoundService.Preview;
import cn.fazhiduban.supervision.RoundService.RoundForm;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 督办轮次: {@code /api/rounds}. Opening a round is for 依法治区办 and administrators (see SecurityConfig).
 */
@RestController
@RequestMapping("/api/rounds")
class RoundController {

  private final RoundService roundService;
  private final RoundQueries queries;

  RoundController(RoundService roundService, RoundQueries queries) {
    this.roundService = roundService;
    this.queries = queries;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Opened open(@RequestBody OpenRound request, Authentication user) {
    return roundService.open(request, user.getName());
  }

  /**
   * What the start form 开启督办轮次 would open, with the same checks: the form calls it (with the
   * Tasklist session) to show the number of work items before the office starts the round.
   */
  @GetMapping("/preview")
  Preview preview(
      @RequestParam(required = false) Long planId,
      @RequestParam(required = false) String label,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate reportDate,
      @RequestParam(required = false) String scope,
      @RequestParam(required = false) String chapters,
      @RequestParam(required = false) String tasks) {
    return roundService.preview(
        new RoundForm(planId, label, reportDate, TaskSelection.of(scope, chapters, tasks)));
  }

  @GetMapping
  List<RoundQueries.RoundView> list() {
    return queries.rounds();
  }

  @GetMapping("/{id}")
  RoundQueries.RoundView get(@PathVariable long id) {
    return queries.round(id);
  }

  @GetMapping("/{id}/work-items")
  List<RoundQueries.WorkItemRow> workItems(
      @PathVariable long id,
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) WorkItemStatus status,
      Authentication user) {
    return queries.workItems(id, Viewer.of(user), unit, status);
  }

  @GetMapping("/{id}/progress")
  RoundQueries.Progress progress(@PathVariable long id, Authentication user) {
    return queries.progress(id, Viewer.of(user));
  }
}
