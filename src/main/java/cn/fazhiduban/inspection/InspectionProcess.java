package cn.fazhiduban.inspection;

import cn.fazhiduban.engine.FormValues;
import cn.fazhiduban.engine.ProcessVariable;
import java.util.List;

/**
 * Names shared by {@code processes/inspection.bpmn} (法治督察), its forms, the code that records it and
 * the tests. Change a name here and in the model together.
 */
public final class InspectionProcess {

  public static final String PROCESS_ID = "inspection";

  /** 督察方式. */
  public static final List<String> KINDS = List.of("书面督察", "实地督察", "专项督察");

  /** 问题性质. */
  public static final String GENERAL = "一般";

  public static final String SERIOUS = "严重";
  public static final List<String> SEVERITIES = List.of(GENERAL, SERIOUS);

  /** 验收结论 (acceptDecision). */
  public static final String PASSED = "passed";

  public static final String RETURNED = "returned";

  /** 通报 (noticeDecision). */
  public static final String PUBLISH = "publish";

  public static final String SKIP = "skip";

  /** The category a finding may always have, beside the plan's chapters. */
  public static final String OTHER_CATEGORY = "其他";

  private InspectionProcess() {}

  /** Element ids (flow nodes). */
  public static final class Elements {
    public static final String START = "StartEvent_InspectionStarted";
    public static final String REGISTER = "ServiceTask_RegisterInspection";
    public static final String UNIT_INSPECTION = "SubProcess_UnitInspection";
    public static final String SUBMIT_SELF_INSPECTION = "Task_SubmitSelfInspection";
    public static final String SELF_INSPECTION_REMINDER = "BoundaryEvent_SelfInspectionReminder";
    public static final String SELF_INSPECTION_OVERDUE = "BoundaryEvent_SelfInspectionOverdue";
    public static final String RECORD_OPINION = "Task_RecordOpinion";
    public static final String GATEWAY_HAS_FINDINGS = "Gateway_HasFindings";
    public static final String FINDING_RECTIFICATION = "SubProcess_FindingRectification";
    public static final String RECTIFY_FINDING = "Task_RectifyFinding";
    public static final String RECTIFICATION_REMINDER = "BoundaryEvent_RectificationReminder";
    public static final String RECTIFICATION_OVERDUE = "BoundaryEvent_RectificationOverdue";
    public static final String ACCEPT_RECTIFICATION = "Task_AcceptRectification";
    public static final String GATEWAY_RECTIFICATION_ACCEPTED = "Gateway_RectificationAccepted";
    public static final String END_FINDING_RECTIFIED = "EndEvent_FindingRectified";
    public static final String CLOSE_UNIT = "ServiceTask_CloseInspectedUnit";
    public static final String END_UNIT_CLOSED = "EndEvent_UnitInspectionClosed";
    public static final String DRAFT_REPORT = "ServiceTask_DraftInspectionReport";
    public static final String GATEWAY_TYPICAL_CASES = "Gateway_TypicalCases";
    public static final String PUBLISH_NOTICE = "Task_PublishTypicalCaseNotice";
    public static final String END_INSPECTION_CLOSED = "EndEvent_InspectionClosed";

    private Elements() {}
  }

  /** Process variables. */
  public static final class Variables {
    /** Start form: String, unit codes separated by commas. */
    public static final String UNIT_CODES = "unitCodes";

    /** Start form: String, one of {@link InspectionProcess#KINDS}. */
    public static final String KIND = "kind";

    /** Start form: String, 督察主题. */
    public static final String TOPIC = "topic";

    /** Start form: String, user ids of the 督察组 (members of 依法治区办), separated by commas. */
    public static final String GROUP_MEMBERS = "groupMembers";

    /** Start form: String yyyy-MM-dd, 督察开始日期 and 结束日期. */
    public static final String STARTS_ON = "startsOn";

    public static final String ENDS_ON = "endsOn";

    /** Start form: String yyyy-MM-dd, the day the self-inspection reports are due. */
    public static final String SELF_REPORT_DEADLINE = "selfReportDeadline";

    /**
     * Start form: the plan whose period and chapters the inspection follows (Long or its digits).
     */
    public static final String PLAN_ID = "planId";

    /**
     * Start form, read only: JSON with the plan, its period and the units proposed for inspection.
     */
    public static final String PROPOSAL = "inspectionProposal";

    /** Long: our inspection row. */
    public static final String INSPECTION_ID = "inspectionId";

    /** String: 书面督察：主题, shown on every task. */
    public static final String INSPECTION_TITLE = "inspectionTitle";

    /** Date: the self-inspection reports' due moment. */
    public static final String SELF_REPORT_DUE = "selfReportDue";

    /** String: JSON array of the categories a finding may have (the plan's chapters). */
    public static final String CATEGORY_OPTIONS = "categoryOptions";

    /** Per unit: the element variable (String) and what the branch shows. */
    public static final String UNIT_CODE = "unitCode";

    public static final String UNIT_NAME = "unitName";
    public static final String INSPECTED_UNIT_ID = "inspectedUnitId";

    /** 自查报告 (Task_SubmitSelfInspection): String. */
    public static final String SELF_REPORT = "selfReport";

    /** 督察意见 (Task_RecordOpinion): String, and the findings as a JSON array of objects. */
    public static final String OPINION = "opinion";

    public static final String FINDINGS = "findings";

    /** Evidence files evidence1 … evidence5 (File), checked like every form's (FormValues). */
    public static final String EVIDENCE_PREFIX = FormValues.EVIDENCE_PREFIX;

    /** Per finding: the element variable (Long) and what the tasks show. */
    public static final String FINDING_ID = "findingId";

    public static final String FINDING_DESCRIPTION = "findingDescription";
    public static final String FINDING_CATEGORY = "findingCategory";
    public static final String FINDING_SEVERITY = "findingSeverity";
    public static final String FINDING_DEADLINE = "findingDeadline";
    public static final String FINDING_DUE = "findingDue";
    public static final String RETURN_OPINION = "returnOpinion";

    /** 整改 (Task_RectifyFinding): String. */
    public static final String RECTIFY_MEASURES = "rectifyMeasures";

    public static final String RECTIFY_RESULT = "rectifyResult";

    /** 验收 (Task_AcceptRectification): passed | returned, and the opinion. */
    public static final String ACCEPT_DECISION = "acceptDecision";

    public static final String ACCEPT_OPINION = "acceptOpinion";

    /** 典型案例通报 (Task_PublishTypicalCaseNotice). */
    public static final String TYPICAL_CASES = "typicalCases";

    public static final String NOTICE_DECISION = "noticeDecision";
    public static final String NOTICE_TITLE = "noticeTitle";
    public static final String NOTICE_TEXT = "noticeText";

    private Variables() {}
  }

  /** The ids our code reads back from the process, each with its type. */
  public static final class Typed {
    public static final ProcessVariable<Long> INSPECTION_ID =
        ProcessVariable.longValue(Variables.INSPECTION_ID);
    public static final ProcessVariable<Long> INSPECTED_UNIT_ID =
        ProcessVariable.longValue(Variables.INSPECTED_UNIT_ID);
    public static final ProcessVariable<Long> FINDING_ID =
        ProcessVariable.longValue(Variables.FINDING_ID);

    private Typed() {}
  }
}
