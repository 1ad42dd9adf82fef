package cn.fazhiduban.inspection;

import cn.fazhiduban.reporting.ScoreInputContributor;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 法治督察's inputs to the {@code unit-score} decision table, per unit and period [from, to): findings
 * found (一般, 严重), rectifications that went overdue (reached 警示 on the ladder), and 典型案例通报 published
 * naming the unit.
 */
@Component
@Transactional(readOnly = true)
class InspectionScoreInputs implements ScoreInputContributor {

  static final String FINDINGS_GENERAL = "findingsGeneral";
  static final String FINDINGS_SERIOUS = "findingsSerious";
  static final String RECTIFICATIONS_OVERDUE = "findingRectificationsOverdue";
  static final String TYPICAL_CASE_NOTICES = "typicalCaseNotices";

  private final FindingRepository findings;
  private final InspectionNoticeRepository notices;

  InspectionScoreInputs(FindingRepository findings, InspectionNoticeRepository notices) {
    this.findings = findings;
    this.notices = notices;
  }

  @Override
  public Map<String, Integer> inputs(String unitCode, Instant from, Instant to) {
    List<Finding> found =
        findings
            .findByUnitCodeAndFoundAtGreaterThanEqualAndFoundAtLessThan(unitCode, from, to)
            .stream()
            .filter(f -> f.getStatus() != Finding.Status.CANCELLED)
            .toList();
    Map<String, Integer> inputs = new LinkedHashMap<>();
    inputs.put(FINDINGS_GENERAL, count(found, InspectionProcess.GENERAL));
    inputs.put(FINDINGS_SERIOUS, count(found, InspectionProcess.SERIOUS));
    inputs.put(
        RECTIFICATIONS_OVERDUE,
        findings
            .findByUnitCodeAndOverdueSinceGreaterThanEqualAndOverdueSinceLessThan(
                unitCode, from, to)
            .size());
    inputs.put(
        TYPICAL_CASE_NOTICES,
        (int)
            notices.countByUnitCodeAndPublishedAtGreaterThanEqualAndPublishedAtLessThan(
                unitCode, from, to));
    return inputs;
  }

  private static int count(List<Finding> found, String severity) {
    return (int) found.stream().filter(f -> severity.equals(f.getSeverity())).count();
  }
}
