package cn.fazhiduban.engine;

/**
 * An administrator cancelled engine work: deleted a process instance (Cockpit, REST) or cancelled a
 * sub-process instance with process-instance modification. Published inside the engine's
 * transaction, so the features' rows that follow it commit or roll back with the engine's.
 *
 * @param activityId the cancelled sub-process, or {@code null} where the whole instance ended
 * @param activityInstanceId the cancelled sub-process's activity instance, or the process
 *     instance's
 */
public record InstanceCancelled(
    String processDefinitionKey,
    String processInstanceId,
    String businessKey,
    String activityId,
    String activityInstanceId,
    String reason) {

  public boolean wholeInstance() {
    return activityId == null;
  }
}
