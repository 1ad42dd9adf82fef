package cn.fazhiduban.plan;

/**
 * Names shared by {@code processes/plan-import.bpmn}, its forms ({@code
 * forms/plan-import-start.html}, {@code forms/plan-check.html}), the delegates and the tests.
 * Change a name here and in the model together.
 */
public final class PlanImportProcess {

  public static final String PROCESS_ID = "plan-import";

  private PlanImportProcess() {}

  /** Element ids (flow nodes). */
  public static final class Elements {
    public static final String START = "StartEvent_PlanUploaded";
    public static final String READ_PLAN = "Task_ReadPlan";
    public static final String CHECK_PLAN = "Task_CheckPlan";
    public static final String GATEWAY_CONFIRMED = "Gateway_ImportConfirmed";
    public static final String STORE_PLAN = "Task_StorePlan";
    public static final String END_IMPORTED = "EndEvent_PlanImported";
    public static final String DISCARD_DRAFT = "Task_DiscardDraft";
    public static final String END_ABANDONED = "EndEvent_ImportAbandoned";

    private Elements() {}
  }

  /** Process variables. */
  public static final class Variables {
    /** The uploaded plan (File, .txt or .docx, up to 20 MB); removed once read. */
    public static final String PLAN_FILE = "planFile";

    /**
     * Pasted text, as Json {@code {"text": "…"}} (a String variable holds at most 4,000
     * characters); removed once read.
     */
    public static final String PASTED_PLAN = "pastedPlan";

    /**
     * What the 核对 form shows (Json): the parser's reading, warnings, unknown names, the directory's
     * units.
     */
    public static final String DRAFT = "draft";

    /** What the office changed (Json), checked on the server before anything is stored. */
    public static final String CORRECTIONS = "corrections";

    /** {@link #CONFIRM} or {@link #ABANDON}. */
    public static final String DECISION = "decision";

    /** The stored plan's id, after 确认导入. */
    public static final String PLAN_ID = "planId";

    public static final String CONFIRM = "confirm";
    public static final String ABANDON = "abandon";

    private Variables() {}
  }
}
