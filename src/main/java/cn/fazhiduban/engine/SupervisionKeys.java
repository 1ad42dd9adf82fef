package cn.fazhiduban.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Which round, plan task and unit an instance is about, read from its business key: {@code
 * <roundId>} for a round, {@code <roundId>/<taskNo>} for a task, {@code
 * <roundId>/<taskNo>/<unitCode>} for an escalation. The engine keeps the key the instance started
 * with; no task completion can change it, unlike a process variable.
 */
public record SupervisionKeys(long roundId, Integer taskNo, String unitCode) {

  public static SupervisionKeys of(DelegateExecution execution) {
    return parse(execution.getProcessBusinessKey());
  }

  public static SupervisionKeys of(DelegateTask task) {
    return of(task.getExecution());
  }

  public static SupervisionKeys parse(String businessKey) {
    if (businessKey == null || businessKey.isBlank()) {
      throw new IllegalStateException("流程实例没有业务键，无法确定督办轮次和任务");
    }
    String[] parts = businessKey.split("/", 3);
    try {
      return new SupervisionKeys(
          Long.parseLong(parts[0]),
          parts.length > 1 ? Integer.valueOf(parts[1]) : null,
          parts.length > 2 ? parts[2] : null);
    } catch (NumberFormatException e) {
      throw new IllegalStateException("业务键格式不正确：" + businessKey, e);
    }
  }

  /** The business key of a {@code task-supervision} instance. */
  public static String of(long roundId, int taskNo) {
    return roundId + "/" + taskNo;
  }

  /** The business key of an {@code escalation} instance. */
  public static String of(long roundId, int taskNo, String unitCode) {
    return roundId + "/" + taskNo + "/" + unitCode;
  }

  /** The plan task's number; fails for a round's own key, which names no task. */
  public int task() {
    if (taskNo == null) {
      throw new IllegalStateException("业务键中没有任务编号：轮次 " + roundId);
    }
    return taskNo;
  }
}
