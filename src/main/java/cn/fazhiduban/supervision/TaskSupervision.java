package cn.fazhiduban.supervision;

import cn.fazhiduban.engine.ProcessVariable;
import java.util.Date;

/**
 * Names shared by {@code processes/task-supervision.bpmn}, its forms, its delegates and the tests.
 * Change a name here and in the model together.
 */
public final class TaskSupervision {

  public static final String PROCESS_ID = "task-supervision";

  private TaskSupervision() {}

  /** Element ids. */
  public static final class Elements {
    public static final String START = "StartEvent_TaskOpened";
    public static final String PREPARE = "ServiceTask_PrepareTask";
    public static final String GATEWAY_NEEDS_ASSIGNMENT = "Gateway_NeedsAssignment";
    public static final String CONFIRM_ASSIGNMENT = "Task_ConfirmAssignment";
    public static final String APPLY_ASSIGNMENT = "ServiceTask_ApplyAssignment";
    public static final String JOIN_ASSIGNED = "Gateway_UnitsAssigned";
    public static final String UNIT_REPORTS = "SubProcess_UnitReport";
    public static final String UNIT_REPORT_START = "StartEvent_UnitReportRequested";
    public static final String SUBMIT_REPORT = "Task_SubmitProgressReport";
    public static final String GATEWAY_REVIEW_NEEDED = "Gateway_ReviewNeeded";
    public static final String REVIEW_REPORT = "Task_ReviewReport";
    public static final String GATEWAY_REVIEW_PASSED = "Gateway_ReviewPassed";
    public static final String JOIN_REPORT_ACCEPTED = "Gateway_ReportAccepted";
    public static final String UNIT_REPORT_END = "EndEvent_UnitReportAccepted";
    public static final String REPORT_REMINDER = "BoundaryEvent_ReportReminder";
    public static final String REMIND_REPORT = "ServiceTask_RemindReport";
    public static final String REPORT_OVERDUE = "BoundaryEvent_ReportOverdue";
    public static final String EVALUATE_REPORT_ESCALATION = "ServiceTask_EvaluateReportEscalation";
    public static final String OFFICE_CHECK = "Task_OfficeCheck";
    public static final String GATEWAY_CHECK_PASSED = "Gateway_CheckPassed";
    public static final String RECTIFICATIONS = "SubProcess_Rectification";
    public static final String RECTIFICATION_START = "StartEvent_RectificationRequested";
    public static final String RECTIFY = "Task_Rectify";
    public static final String RECTIFICATION_END = "EndEvent_RectificationReported";
    public static final String RECTIFICATION_REMINDER = "BoundaryEvent_RectificationReminder";
    public static final String REMIND_RECTIFICATION = "ServiceTask_RemindRectification";
    public static final String RECTIFICATION_OVERDUE = "BoundaryEvent_RectificationOverdue";
    public static final String EVALUATE_RECTIFICATION_ESCALATION =
        "ServiceTask_EvaluateRectificationEscalation";
    public static final String CLOSE_TASK = "ServiceTask_CloseTask";
    public static final String END = "EndEvent_TaskClosed";

    private Elements() {}
  }

  /** Process variables. */
  public static final class Variables {
    /** Long: the supervision round. */
    public static final String ROUND_ID = "roundId";

    /** Integer: the plan task's number. */
    public static final String TASK_NO = "taskNo";

    /** String: 任务名称, the task text shortened for lists. */
    public static final String TASK_TITLE = "taskTitle";

    /** String: the whole task text. */
    public static final String TASK_TEXT = "taskText";

    /** String: the lead units' names, for people. */
    public static final String LEAD_UNIT_NAMES = "leadUnitNames";

    /** Boolean: the plan names only placeholders (有关部门), so the office assigns units first. */
    public static final String NEEDS_ASSIGNMENT = "needsAssignment";

    /** Date: when reports are due (the round's reportDue). */
    public static final String REPORT_DUE = "reportDue";

    /** Json: [{label, value}] of all units, the options of the assignment form. */
    public static final String UNIT_OPTIONS = "unitOptions";

    /** Json: [{label, value}] of this task's reporting units, the options of 整改单位. */
    public static final String TASK_UNIT_OPTIONS = "taskUnitOptions";

    /** Json array of unit codes chosen in Task_ConfirmAssignment. */
    public static final String ASSIGNED_LEAD_UNITS = "assignedLeadUnits";

    public static final String ASSIGNED_RESPONSIBLE_UNITS = "assignedResponsibleUnits";

    /**
     * String, local to one unit's report sub-process: the reporting unit's code (also its group).
     */
    public static final String UNIT_CODE = "unitCode";

    /** String, local: the reporting unit's name (承办单位). */
    public static final String UNIT_NAME = "unitName";

    /** String, local: the opinion of the last 退回, shown to the clerk on the report form. */
    public static final String RETURN_OPINION = "returnOpinion";

    /** Date, task-local: the task's due date, shown as 截止时间 in the Tasklist filters. */
    public static final String DEADLINE = "deadline";

    /** String, task-local: the due time as the forms show it, {@code 2026年12月31日 18:00（北京时间）}. */
    public static final String DEADLINE_TEXT = "deadlineText";

    /**
     * Boolean, task-local on a report task that follows a 退回: the Tasklist filter 被退回 finds it by
     * this.
     */
    public static final String WAS_RETURNED = "wasReturned";

    /** Progress report fields (Task_SubmitProgressReport). */
    public static final String PROGRESS = "progress";

    public static final String COMPLETION = "completion";
    public static final String PERCENT = "percent";
    public static final String PROBLEMS = "problems";
    public static final String NEXT_STEPS = "nextSteps";
    public static final String CONTACT = "contact";
    public static final String PHONE = "phone";

    /** Review (Task_ReviewReport): reviewDecision = approved | returned, reviewOpinion. */
    public static final String REVIEW_DECISION = "reviewDecision";

    public static final String REVIEW_OPINION = "reviewOpinion";
    public static final String APPROVED = "approved";
    public static final String RETURNED = "returned";

    /** Office check (Task_OfficeCheck): checkDecision = passed | rectify. */
    public static final String CHECK_DECISION = "checkDecision";

    public static final String PASSED = "passed";
    public static final String RECTIFY = "rectify";

    /** Json array of unit codes that must rectify. */
    public static final String RECTIFY_UNITS = "rectifyUnits";

    public static final String RECTIFY_REQUIREMENT = "rectifyRequirement";

    /** String yyyy-MM-dd (form-js date) or Date: the rectification deadline. */
    public static final String RECTIFY_DEADLINE = "rectifyDeadline";

    /** Rectification (Task_Rectify). */
    public static final String RECTIFY_MEASURES = "rectifyMeasures";

    public static final String RECTIFY_RESULT = "rectifyResult";

    private Variables() {}
  }

  /**
   * The variables our code writes or reads, each with its type, named by the constants above (which
   * forms, filters and tests use). Read and written only through these: no casts, and a value of
   * the wrong type is named, not cast.
   */
  public static final class Typed {
    public static final ProcessVariable<Integer> TASK_NO =
        ProcessVariable.integer(Variables.TASK_NO);
    public static final ProcessVariable<String> TASK_TITLE =
        ProcessVariable.string(Variables.TASK_TITLE);
    public static final ProcessVariable<String> TASK_TEXT =
        ProcessVariable.string(Variables.TASK_TEXT);
    public static final ProcessVariable<String> LEAD_UNIT_NAMES =
        ProcessVariable.string(Variables.LEAD_UNIT_NAMES);
    public static final ProcessVariable<Boolean> NEEDS_ASSIGNMENT =
        ProcessVariable.bool(Variables.NEEDS_ASSIGNMENT);
    public static final ProcessVariable<Date> REPORT_DUE =
        ProcessVariable.date(Variables.REPORT_DUE);
    public static final ProcessVariable<String> UNIT_CODE =
        ProcessVariable.string(Variables.UNIT_CODE);
    public static final ProcessVariable<String> UNIT_NAME =
        ProcessVariable.string(Variables.UNIT_NAME);
    public static final ProcessVariable<String> RETURN_OPINION =
        ProcessVariable.string(Variables.RETURN_OPINION);
    public static final ProcessVariable<Date> DEADLINE = ProcessVariable.date(Variables.DEADLINE);
    public static final ProcessVariable<Boolean> WAS_RETURNED =
        ProcessVariable.bool(Variables.WAS_RETURNED);
    public static final ProcessVariable<String> RECTIFY_REQUIREMENT =
        ProcessVariable.string(Variables.RECTIFY_REQUIREMENT);
    public static final ProcessVariable<String> RECTIFY_DEADLINE =
        ProcessVariable.string(Variables.RECTIFY_DEADLINE);

    private Typed() {}
  }
}
