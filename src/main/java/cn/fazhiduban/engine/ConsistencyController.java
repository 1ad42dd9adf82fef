package cn.fazhiduban.engine;

import cn.fazhiduban.engine.ConsistencyCheck.Disagreement;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/consistency}: every disagreement between our records and the engine
 * (administrators).
 */
@RestController
class ConsistencyController {

  private final ConsistencyChecks checks;

  ConsistencyController(ConsistencyChecks checks) {
    this.checks = checks;
  }

  record Report(int count, List<Disagreement> disagreements) {}

  @GetMapping("/api/admin/consistency")
  Report consistency() {
    List<Disagreement> found = checks.disagreements();
    return new Report(found.size(), found);
  }
}
