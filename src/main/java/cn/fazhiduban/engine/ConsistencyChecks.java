package cn.fazhiduban.engine;

import cn.fazhiduban.engine.ConsistencyCheck.Disagreement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every {@link ConsistencyCheck} bean's findings, for the administrator's endpoint and the nightly
 * check.
 */
@Service
public class ConsistencyChecks {

  private static final Logger log = LoggerFactory.getLogger(ConsistencyChecks.class);

  private final List<ConsistencyCheck> checks;

  ConsistencyChecks(List<ConsistencyCheck> checks) {
    this.checks = checks;
  }

  @Transactional(readOnly = true)
  public List<Disagreement> disagreements() {
    List<Disagreement> all = new ArrayList<>();
    checks.forEach(check -> all.addAll(check.disagreements()));
    return all;
  }

  /** Writes the findings to the log: one warning per disagreement, or one line saying all agree. */
  public List<Disagreement> logFindings() {
    List<Disagreement> found = disagreements();
    if (found.isEmpty()) {
      log.info("一致性检查：业务记录与流程引擎一致");
    }
    for (Disagreement d : found) {
      log.warn("一致性检查：{} {}（流程实例 {}）：{}", d.kind(), d.id(), d.processInstanceId(), d.message());
    }
    return found;
  }
}
