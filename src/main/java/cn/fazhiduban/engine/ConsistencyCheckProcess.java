package cn.fazhiduban.engine;

/**
 * Names of {@code processes/consistency-check.bpmn}: a timer start event runs the check every
 * night. It is a job of the engine's job executor, so in a cluster exactly one node runs it.
 */
public final class ConsistencyCheckProcess {

  public static final String PROCESS_ID = "consistency-check";

  private ConsistencyCheckProcess() {}

  /** Element ids. */
  public static final class Elements {
    public static final String START = "StartEvent_Nightly";
    public static final String CHECK = "ServiceTask_LogConsistency";
    public static final String END = "EndEvent_Checked";

    private Elements() {}
  }
}
