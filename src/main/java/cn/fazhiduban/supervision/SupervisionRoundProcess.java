package cn.fazhiduban.supervision;

/**
 * Names shared by {@code processes/supervision-round.bpmn}, the code that starts it and the tests.
 * Change a name here and in the model together. The instance's business key is the round's id.
 */
public final class SupervisionRoundProcess {

  public static final String PROCESS_ID = "supervision-round";

  private SupervisionRoundProcess() {}

  /** Element ids. */
  public static final class Elements {
    public static final String START = "StartEvent_RoundOpened";
    public static final String SUPERVISE_TASK = "CallActivity_SuperviseTask";
    public static final String CLOSE_ROUND = "ServiceTask_CloseRound";
    public static final String END = "EndEvent_RoundClosed";

    private Elements() {}
  }

  /**
   * Process variables, for people reading Cockpit; the code reads round and task from business
   * keys.
   */
  public static final class Variables {
    /** Long: the supervision round. */
    public static final String ROUND_ID = "roundId";

    /**
     * Integer, the multi-instance element: the plan task's number, handed to its task-supervision
     * instance.
     */
    public static final String TASK_NO = "taskNo";

    /** Date: when reports are due. */
    public static final String REPORT_DUE = "reportDue";

    private Variables() {}
  }
}
