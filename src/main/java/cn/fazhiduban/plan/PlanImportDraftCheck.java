package cn.fazhiduban.plan;

import cn.fazhiduban.engine.ConsistencyCheck;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A plan text waiting for the office's check belongs to a running plan-import instance; one left
 * behind by an instance that an administrator deleted in Cockpit is reported.
 */
@Component
class PlanImportDraftCheck implements ConsistencyCheck {

  private final PlanImportDraftRepository drafts;
  private final RuntimeService runtimeService;

  PlanImportDraftCheck(PlanImportDraftRepository drafts, RuntimeService runtimeService) {
    this.drafts = drafts;
    this.runtimeService = runtimeService;
  }

  @Override
  @Transactional(readOnly = true)
  public List<Disagreement> disagreements() {
    List<Disagreement> found = new ArrayList<>();
    for (String id : drafts.findAllIds()) {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() == 0) {
        found.add(new Disagreement("planImportDraft", id, id, "方案草稿所属的导入流程实例已不存在，草稿可以删除。"));
      }
    }
    return found;
  }
}
