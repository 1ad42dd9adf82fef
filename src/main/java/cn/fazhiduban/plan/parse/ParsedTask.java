package cn.fazhiduban.plan.parse;

import cn.fazhiduban.plan.parse.ParsedPlan.Milestone;
import java.util.List;

/**
 * One numbered task of a plan. Units are listed as the plan writes them (trimmed, in order, before
 * any expansion of collective names); {@code 有关部门} stands for units still to be assigned. {@code
 * title} is the task's own heading when the plan writes one on a line of its own above the task's
 * text ({@code （一）推进综合执法} / text), else {@code null}.
 */
public record ParsedTask(
    int number,
    String chapter,
    String section,
    String text,
    List<String> leadUnits,
    List<String> responsibleUnits,
    boolean byDivision,
    boolean needsAssignment,
    List<Milestone> milestones,
    String annotation,
    int line,
    String title) {

  /** A task without a title of its own. */
  public ParsedTask(
      int number,
      String chapter,
      String section,
      String text,
      List<String> leadUnits,
      List<String> responsibleUnits,
      boolean byDivision,
      boolean needsAssignment,
      List<Milestone> milestones,
      String annotation,
      int line) {
    this(
        number,
        chapter,
        section,
        text,
        leadUnits,
        responsibleUnits,
        byDivision,
        needsAssignment,
        milestones,
        annotation,
        line,
        null);
  }

  /** The placeholder a plan uses for units that the office assigns later. */
  public static final String TO_BE_ASSIGNED = "有关部门";
}
