package cn.fazhiduban.escalation;

import cn.fazhiduban.engine.ProcessVariable;
import java.util.Date;

/**
 * Names shared by {@code processes/escalation.bpmn}, {@code processes/escalation-level.dmn}, their
 * forms, the code that starts and correlates escalations and the tests. Change a name here and in
 * the model together.
 */
public final class EscalationProcess {

  public static final String PROCESS_ID = "escalation";

  /** The decision table that says which level an overdue work item is at. */
  public static final String DECISION_ID = "escalation-level";

  private EscalationProcess() {}

  /** Element ids (flow nodes). */
  public static final class Elements {
    public static final String START = "StartEvent_Escalated";
    public static final String ISSUE_NOTICE = "Task_IssueSupervisionNotice";
    public static final String NOTICE_WORK_DONE = "BoundaryEvent_NoticeWorkDone";
    public static final String NOTICE_CLOSED = "BoundaryEvent_NoticeClosed";
    public static final String JOIN_AWAITING_OUTCOME = "Gateway_AwaitingOutcome";

    /**
     * 跟踪督办: open while the escalation waits; the office completes it with a reason to close the
     * escalation.
     */
    public static final String FOLLOW = "Task_FollowEscalation";

    public static final String INTERVIEW_REQUIRED = "BoundaryEvent_InterviewRequired";
    public static final String FOLLOW_WORK_DONE = "BoundaryEvent_FollowWorkDone";
    public static final String FOLLOW_CLOSED = "BoundaryEvent_FollowClosed";
    public static final String HOLD_INTERVIEW = "Task_HoldInterview";
    public static final String INTERVIEW_WORK_DONE = "BoundaryEvent_InterviewWorkDone";
    public static final String INTERVIEW_CLOSED = "BoundaryEvent_InterviewClosed";
    public static final String JOIN_RESOLVED_BY_UNIT = "Gateway_ResolvedByUnit";
    public static final String END_RESOLVED_BY_UNIT = "EndEvent_ResolvedByUnit";
    public static final String JOIN_CLOSED_BY_OFFICE = "Gateway_ClosedByOffice";
    public static final String END_CLOSED_BY_OFFICE = "EndEvent_ClosedByOffice";

    private Elements() {}
  }

  /**
   * Message names. Correlate by business key ({@code <roundId>/<taskNo>/<unitCode>}): wherever the
   * instance waits, each message has at most one subscription. {@link #INTERVIEW_REQUIRED} is only
   * waited for while 跟踪督办 is open (after the notice is issued and between interviews).
   */
  public static final class Messages {
    public static final String INTERVIEW_REQUIRED = "escalation-interview-required";
    public static final String WORK_DONE = "escalation-work-done";
    public static final String CLOSED_BY_OFFICE = "escalation-closed-by-office";

    private Messages() {}
  }

  /** Process variables, and the decision's inputs and outputs. */
  public static final class Variables {
    /** Long: the work item (plan task × unit × round) that is overdue. */
    public static final String WORK_ITEM_ID = "workItemId";

    /** Long: the supervision round. */
    public static final String ROUND_ID = "roundId";

    /** Integer: the plan task's number. */
    public static final String TASK_NO = "taskNo";

    /** String: the unit's code (also its group). */
    public static final String UNIT_CODE = "unitCode";

    /** String: the unit's name (承办单位). */
    public static final String UNIT_NAME = "unitName";

    /** String: 任务名称. */
    public static final String TASK_TITLE = "taskTitle";

    /**
     * String: the current level, the label of an {@link EscalationLevel}; raised by the code as the
     * ladder climbs.
     */
    public static final String LEVEL = "level";

    /** Date: when the overdue work was due. */
    public static final String DUE_AT = "dueAt";

    /** String: the same due time as the forms show it, in Beijing time. */
    public static final String DUE_AT_TEXT = "dueAtText";

    /** 督办通知书 (Task_IssueSupervisionNotice); 办理期限 is a String yyyy-MM-dd (form-js date). */
    public static final String NOTICE_TEXT = "noticeText";

    public static final String NOTICE_DEADLINE = "noticeDeadline";
    public static final String NOTICE_COPY_TO = "noticeCopyTo";

    /** 约谈记录 (Task_HoldInterview); the date is a String yyyy-MM-dd (form-js date). */
    public static final String INTERVIEW_DATE = "interviewDate";

    public static final String INTERVIEW_ATTENDEES = "interviewAttendees";
    public static final String INTERVIEW_MINUTES = "interviewMinutes";

    /**
     * 跟踪督办 (Task_FollowEscalation): the reason the office closes the escalation, at most 1000
     * characters.
     */
    public static final String CLOSE_REASON = "closeReason";

    /**
     * Decision input, Integer: working days past the due date; negative before it (the reminder).
     */
    public static final String DAYS_OVERDUE = "daysOverdue";

    /**
     * Decision input, Integer: escalations of this work item closed before (it was late before).
     */
    public static final String EARLIER_ESCALATIONS = "earlierEscalations";

    /** Decision input, Boolean: the plan task has a milestone due in the current year. */
    public static final String MILESTONE_THIS_YEAR = "milestoneThisYear";

    /** Decision output, String: the label of an {@link EscalationLevel}. */
    public static final String DMN_LEVEL = "level";

    /** Decision output, String: comma-separated recipients among 承办单位, 牵头单位, 依法治区办, 领导. */
    public static final String DMN_NOTIFY = "notify";

    private Variables() {}
  }

  /**
   * The variables and decision values our code writes or reads, each with its type, named by the
   * constants above (which the model, the forms and the tests use).
   */
  public static final class Typed {
    public static final ProcessVariable<Long> WORK_ITEM_ID =
        ProcessVariable.longValue(Variables.WORK_ITEM_ID);
    public static final ProcessVariable<Long> ROUND_ID =
        ProcessVariable.longValue(Variables.ROUND_ID);
    public static final ProcessVariable<Integer> TASK_NO =
        ProcessVariable.integer(Variables.TASK_NO);
    public static final ProcessVariable<String> UNIT_CODE =
        ProcessVariable.string(Variables.UNIT_CODE);
    public static final ProcessVariable<String> UNIT_NAME =
        ProcessVariable.string(Variables.UNIT_NAME);
    public static final ProcessVariable<String> TASK_TITLE =
        ProcessVariable.string(Variables.TASK_TITLE);
    public static final ProcessVariable<String> LEVEL = ProcessVariable.string(Variables.LEVEL);
    public static final ProcessVariable<Date> DUE_AT = ProcessVariable.date(Variables.DUE_AT);
    public static final ProcessVariable<String> DUE_AT_TEXT =
        ProcessVariable.string(Variables.DUE_AT_TEXT);

    public static final ProcessVariable<Integer> DAYS_OVERDUE =
        ProcessVariable.integer(Variables.DAYS_OVERDUE);
    public static final ProcessVariable<Integer> EARLIER_ESCALATIONS =
        ProcessVariable.integer(Variables.EARLIER_ESCALATIONS);
    public static final ProcessVariable<Boolean> MILESTONE_THIS_YEAR =
        ProcessVariable.bool(Variables.MILESTONE_THIS_YEAR);
    public static final ProcessVariable<String> DMN_LEVEL =
        ProcessVariable.string(Variables.DMN_LEVEL);
    public static final ProcessVariable<String> DMN_NOTIFY =
        ProcessVariable.string(Variables.DMN_NOTIFY);

    private Typed() {}
  }
}
