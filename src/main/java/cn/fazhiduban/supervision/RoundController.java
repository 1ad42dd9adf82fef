package cn.fazhiduban.supervision;

import cn.fazhiduban.supervision.RoundService.OpenRound;
import cn.fazhiduban.supervision.RoundService.Opened;
import java.util.List;
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

/** 督办轮次: {@code /api/rounds}. Opening a round is for 依法治区办 and administrators (see SecurityConfig). */
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

  @GetMapping
  List<RoundQueries.RoundView> list() {
    return queries.rounds();
  }

  @GetMapping("/{id}")
  RoundQueries.RoundView get(@PathVariable long id) {
    return queries.round(id);
  }

  @GetMapping("/{id}/work-items")
  List<RoundQueries.WorkItemRow> workItems(@PathVariable long id, @RequestParam(required = false) String unit,
      @RequestParam(required = false) WorkItemStatus status, Authentication user) {
    return queries.workItems(id, Viewer.of(user), unit, status);
  }

  @GetMapping("/{id}/progress")
  RoundQueries.Progress progress(@PathVariable long id, Authentication user) {
    return queries.progress(id, Viewer.of(user));
  }
}
