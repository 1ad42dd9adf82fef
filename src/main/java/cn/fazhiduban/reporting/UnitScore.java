package cn.fazhiduban.reporting;

import java.util.List;

/** Names shared by {@code processes/unit-score.dmn}, the code that evaluates it and its tests. */
public final class UnitScore {

  public static final String DECISION_ID = "unit-score";

  /** The score every unit starts from; deductions are taken off it, down to {@link #FLOOR}. */
  public static final double FULL_MARKS = 100;

  public static final double FLOOR = 0;

  /** The table's inputs that supervision counts (escalation levels included). */
  public static final String REPORTS_ON_TIME = "reportsOnTime";

  public static final String REPORTS_LATE = "reportsLate";
  public static final String REPORTS_MISSING = "reportsMissing";
  public static final String REPORTS_RETURNED = "reportsReturned";
  public static final String RECTIFICATIONS_ORDERED = "rectificationsOrdered";
  public static final String RECTIFICATIONS_OVERDUE = "rectificationsOverdue";
  public static final String ESCALATIONS_WARNING = "escalationsWarning";
  public static final String ESCALATIONS_LISTED = "escalationsListed";
  public static final String ESCALATIONS_NOTICE = "escalationsNotice";
  public static final String ESCALATIONS_INTERVIEW = "escalationsInterview";

  /** Inputs that 法治督察 contributes through a {@link ScoreInputContributor}; 0 until one does. */
  public static final String FINDINGS_GENERAL = "findingsGeneral";

  public static final String FINDINGS_SERIOUS = "findingsSerious";
  public static final String FINDING_RECTIFICATIONS_OVERDUE = "findingRectificationsOverdue";
  public static final String TYPICAL_CASE_NOTICES = "typicalCaseNotices";

  /** Every input of the table, in its column order. */
  public static final List<String> INPUTS =
      List.of(
          REPORTS_ON_TIME,
          REPORTS_LATE,
          REPORTS_MISSING,
          REPORTS_RETURNED,
          RECTIFICATIONS_ORDERED,
          RECTIFICATIONS_OVERDUE,
          ESCALATIONS_WARNING,
          ESCALATIONS_LISTED,
          ESCALATIONS_NOTICE,
          ESCALATIONS_INTERVIEW,
          FINDINGS_GENERAL,
          FINDINGS_SERIOUS,
          FINDING_RECTIFICATIONS_OVERDUE,
          TYPICAL_CASE_NOTICES);

  /** The single output of the table (COLLECT + SUM). */
  public static final String DEDUCTION = "deduction";

  private UnitScore() {}

  /** 100 minus the deductions, never below 0, to one decimal. */
  public static double score(double deductions) {
    return Math.max(FLOOR, Math.round((FULL_MARKS - deductions) * 10) / 10.0);
  }
}
