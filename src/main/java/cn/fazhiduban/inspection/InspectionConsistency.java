package cn.fazhiduban.inspection;

import cn.fazhiduban.engine.ConsistencyCheck;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Our inspection rows against the engine: an open inspection (or an open unit or finding of it)
 * needs its running instance; a closed or cancelled one an ended instance; a finding being
 * rectified needs its 整改 or 验收 task.
 */
@Component
@Transactional(readOnly = true)
class InspectionConsistency implements ConsistencyCheck {

  private final InspectionRepository inspections;
  private final InspectedUnitRepository units;
  private final FindingRepository findings;
  private final RuntimeService runtime;
  private final HistoryService history;

  InspectionConsistency(
      InspectionRepository inspections,
      InspectedUnitRepository units,
      FindingRepository findings,
      RuntimeService runtime,
      HistoryService history) {
    this.inspections = inspections;
    this.units = units;
    this.findings = findings;
    this.runtime = runtime;
    this.history = history;
  }

  @Override
  public List<Disagreement> disagreements() {
    List<Disagreement> found = new ArrayList<>();
    for (Inspection inspection : inspections.findAll()) {
      String pi = inspection.getProcessInstanceId();
      HistoricProcessInstance instance =
          history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult();
      boolean running = instance != null && instance.getEndTime() == null;
      String id = String.valueOf(inspection.getId());
      if (instance == null) {
        found.add(new Disagreement("inspection", id, pi, "督察的流程实例不存在。"));
        continue;
      }
      if (inspection.getStatus() == Inspection.Status.OPEN && !running) {
        found.add(new Disagreement("inspection", id, pi, "督察记录为进行中，但流程实例已经结束。"));
      }
      // a closed inspection may still wait for the office's 典型案例通报
      boolean noticePending =
          running
              && runtime
                  .getActiveActivityIds(pi)
                  .contains(InspectionProcess.Elements.PUBLISH_NOTICE);
      if (inspection.getStatus() != Inspection.Status.OPEN
          && running
          && !(inspection.getStatus() == Inspection.Status.CLOSED && noticePending)) {
        found.add(new Disagreement("inspection", id, pi, "督察记录已办结或取消，但流程实例仍在运行。"));
      }
      if (!running) {
        for (InspectedUnit unit : units.findByInspectionIdOrderById(inspection.getId())) {
          if (unit.getStatus().open()) {
            found.add(
                new Disagreement(
                    "inspectedUnit",
                    String.valueOf(unit.getId()),
                    pi,
                    unit.getUnitName() + "的督察记录未办结，但流程实例已经结束。"));
          }
        }
      }
      for (Finding finding : findings.findByInspectionIdOrderById(inspection.getId())) {
        if (!finding.getStatus().open()) {
          continue;
        }
        // the finding's branch of the multi-instance holds its id as a local variable while it runs
        boolean branch =
            running
                && runtime
                        .createExecutionQuery()
                        .processInstanceId(pi)
                        .variableValueEquals(
                            InspectionProcess.Variables.FINDING_ID, finding.getId())
                        .count()
                    > 0;
        if (!branch) {
          found.add(
              new Disagreement(
                  "finding",
                  String.valueOf(finding.getId()),
                  pi,
                  "督察问题记录为"
                      + (finding.getStatus() == Finding.Status.RECTIFYING ? "整改中" : "待验收")
                      + "，但流程中没有这个问题的整改分支。"));
        }
      }
    }
    return found;
  }
}
