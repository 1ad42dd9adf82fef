package cn.fazhiduban.inspection;

import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.reporting.ProblemSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual report's problems section: what 法治督察 found in the year, per inspection, and the
 * typical cases.
 */
@Component
@Transactional(readOnly = true)
class InspectionProblems implements ProblemSource {

  private final InspectionRepository inspections;
  private final InspectedUnitRepository units;
  private final FindingRepository findings;
  private final InspectionNoticeRepository notices;

  InspectionProblems(
      InspectionRepository inspections,
      InspectedUnitRepository units,
      FindingRepository findings,
      InspectionNoticeRepository notices) {
    this.inspections = inspections;
    this.units = units;
    this.findings = findings;
    this.notices = notices;
  }

  @Override
  public List<String> problems(int year) {
    Instant from = LocalDate.of(year, 1, 1).atStartOfDay(EngineClock.ZONE).toInstant();
    Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(EngineClock.ZONE).toInstant();
    Map<Long, List<Finding>> byInspection = new LinkedHashMap<>();
    for (Finding finding :
        findings.findByFoundAtGreaterThanEqualAndFoundAtLessThanOrderById(from, to)) {
      if (finding.getStatus() != Finding.Status.CANCELLED) {
        byInspection
            .computeIfAbsent(finding.getInspectionId(), id -> new ArrayList<>())
            .add(finding);
      }
    }
    List<String> paragraphs = new ArrayList<>();
    byInspection.forEach(
        (id, found) -> {
          Inspection inspection = inspections.findById(id).orElseThrow();
          Map<String, String> names = new LinkedHashMap<>();
          units
              .findByInspectionIdOrderById(id)
              .forEach(u -> names.put(u.getUnitCode(), u.getUnitName()));
          List<String> involved =
              found.stream().map(f -> names.get(f.getUnitCode())).distinct().toList();
          long serious =
              found.stream().filter(f -> InspectionProcess.SERIOUS.equals(f.getSeverity())).count();
          long passed = found.stream().filter(f -> f.getStatus() == Finding.Status.PASSED).count();
          long overdue = found.stream().filter(f -> f.getOverdueSince() != null).count();
          paragraphs.add(
              "法治督察（"
                  + inspection.getKind()
                  + "："
                  + inspection.getTopic()
                  + "）发现问题 "
                  + found.size()
                  + " 个（其中严重 "
                  + serious
                  + " 个），涉及"
                  + String.join("、", involved)
                  + "；已整改并通过验收 "
                  + passed
                  + " 个，逾期整改 "
                  + overdue
                  + " 个。");
        });
    for (InspectionNotice notice :
        notices.findByPublishedAtGreaterThanEqualAndPublishedAtLessThanOrderById(from, to)) {
      Finding finding = findings.findById(notice.getFindingId()).orElseThrow();
      paragraphs.add("典型案例通报《" + notice.getTitle() + "》：" + finding.getDescription());
    }
    return paragraphs;
  }
}
