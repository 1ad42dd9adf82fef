package cn.fazhiduban.supervision;

/**
 * Names shared by {@code processes/round-start.bpmn} (开启督办轮次, started from Tasklist by 依法治区办), its
 * start form {@code forms/round-start.html}, its delegate and the tests. Change a name here and in
 * the model together.
 */
public final class RoundStart {

  public static final String PROCESS_ID = "round-start";

  private RoundStart() {}

  /** Element ids. */
  public static final class Elements {
    public static final String START = "StartEvent_RoundRequested";
    public static final String OPEN_ROUND = "ServiceTask_OpenRound";
    public static final String END = "EndEvent_RoundOpened";

    private Elements() {}
  }

  /** Process variables: the start form's fields, then what opening the round gave. */
  public static final class Variables {
    /** Long: the plan (任务分解方案). */
    public static final String PLAN_ID = "planId";

    /** String: the round's label (轮次名称), at most 100 characters. */
    public static final String LABEL = "label";

    /** String yyyy-MM-dd: the report due date; reports fall due at 18:00 Beijing time that day. */
    public static final String REPORT_DATE = "reportDate";

    /** String: {@code all}, {@code chapters} or {@code list} (see {@link TaskSelection}). */
    public static final String TASK_SCOPE = "taskScope";

    /** String: the chosen chapters' numbers, separated by 、 (for {@code chapters}). */
    public static final String CHAPTERS = "chapters";

    /** String: task numbers such as {@code 1-10, 37, 42} (for {@code list}). */
    public static final String TASK_LIST = "taskList";

    /** Long, set by the delegate: the round opened. */
    public static final String ROUND_ID = "roundId";

    /** Integer, set by the delegate: the work items opened. */
    public static final String WORK_ITEMS = "workItems";

    private Variables() {}
  }
}
