package cn.fazhiduban.supervision;

import cn.fazhiduban.unit.Unit;
import cn.fazhiduban.unit.UnitDirectory;
import org.springframework.stereotype.Component;

/**
 * The one place that finds a round task, a work item or a unit's name, with one message each when
 * it is missing.
 */
@Component
class RoundRecords {

  private final RoundTaskRepository roundTasks;
  private final WorkItemRepository workItems;
  private final UnitDirectory directory;

  RoundRecords(
      RoundTaskRepository roundTasks, WorkItemRepository workItems, UnitDirectory directory) {
    this.roundTasks = roundTasks;
    this.workItems = workItems;
    this.directory = directory;
  }

  RoundTask roundTask(long roundId, int taskNo) {
    return roundTasks
        .findByRoundIdAndTaskNo(roundId, taskNo)
        .orElseThrow(() -> new IllegalStateException("轮次 " + roundId + " 中没有任务 " + taskNo));
  }

  RoundTask roundTask(WorkItem item) {
    return roundTask(item.getRoundId(), item.getTaskNo());
  }

  WorkItem workItem(long roundId, int taskNo, String unitCode) {
    return workItems
        .findByRoundIdAndTaskNoAndUnitCode(roundId, taskNo, unitCode)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "找不到工作项：轮次 " + roundId + "，任务 " + taskNo + "，单位 " + unitCode));
  }

  WorkItem workItem(long id) {
    return workItems.findById(id).orElseThrow(() -> new IllegalStateException("找不到工作项 " + id));
  }

  Unit unit(String code) {
    return directory.byCode(code).orElseThrow(() -> new IllegalStateException("单位目录中没有 " + code));
  }

  /** A unit's name for people; the code itself where the directory no longer knows it. */
  String unitName(String code) {
    return directory.byCode(code).map(Unit::name).orElse(code);
  }
}
