package cn.fazhiduban.reporting;

import cn.fazhiduban.engine.ProcessVariable;

/**
 * Names shared by {@code processes/annual-report.bpmn}, its forms, its delegates and listeners, and
 * the tests. Change a name here and in the model together.
 */
public final class AnnualReportProcess {

  public static final String PROCESS_ID = "annual-report";

  /** The process whose timer starts {@link #PROCESS_ID} every January for the year before. */
  public static final String SCHEDULE_PROCESS_ID = "annual-report-schedule";

  /** Report statuses ({@code annual_report.status}). */
  public static final String DRAFT = "DRAFT";

  public static final String IN_REVIEW = "IN_REVIEW";
  public static final String RETURNED = "RETURNED";
  public static final String PUBLISHED = "PUBLISHED";

  /** Version kinds ({@code annual_report_version.kind}). */
  public static final String KIND_DRAFT = "DRAFT";

  public static final String KIND_UPLOADED = "UPLOADED";
  public static final String KIND_EDITED = "EDITED";
  public static final String KIND_PUBLISHED = "PUBLISHED";

  /** The leaders' decision values. */
  public static final String APPROVE = "approve";

  public static final String RETURN = "return";

  private AnnualReportProcess() {}

  /** Element ids (flow nodes). */
  public static final class Elements {
    public static final String START_BY_OFFICE = "StartEvent_StartedByOffice";
    public static final String DRAFT_REPORT = "Task_DraftReport";
    public static final String JOIN_REVISE = "Gateway_Revise";
    public static final String REVISE_REPORT = "Task_ReviseReport";
    public static final String APPROVE_REPORT = "Task_ApproveReport";
    public static final String GATEWAY_APPROVED = "Gateway_ReportApproved";
    public static final String PUBLISH_REPORT = "Task_PublishReport";
    public static final String END_PUBLISHED = "EndEvent_ReportPublished";

    /** In {@link #SCHEDULE_PROCESS_ID}. */
    public static final String START_EVERY_JANUARY = "StartEvent_EveryJanuary";

    public static final String START_ANNUAL_REPORT = "Task_StartAnnualReport";
    public static final String END_ANNUAL_REPORT_STARTED = "EndEvent_AnnualReportStarted";

    private Elements() {}
  }

  /** Process variables. */
  public static final class Variables {
    /**
     * The year the report is about (Integer); the January timer leaves it out and the draft takes
     * last year.
     */
    public static final String YEAR = "year";

    /** Our row's id (Long). */
    public static final String REPORT_ID = "annualReportId";

    /**
     * The report's text, one paragraph a line, headings as they are: what the office may edit in
     * its form.
     */
    public static final String REPORT_TEXT = "reportText";

    /** The office's revised .docx (File), optional. */
    public static final String REVISED_REPORT = "revisedReport";

    /** 通过 (approve) or 退回 (return), and the leaders' opinion. */
    public static final String APPROVAL = "approval";

    public static final String APPROVAL_OPINION = "approvalOpinion";

    /** The newest version's number, for the forms. */
    public static final String VERSION = "reportVersion";

    private Variables() {}
  }

  /** The variables our code reads back from the process, each with its type. */
  public static final class Typed {
    public static final ProcessVariable<Long> REPORT_ID =
        ProcessVariable.longValue(Variables.REPORT_ID);

    private Typed() {}
  }
}
