package cn.fazhiduban.reporting;

import java.util.List;

/**
 * Adds problems found in a year to the annual report's problems section (问题与整改), one paragraph
 * each, so that reporting need not know every feature that finds problems.
 */
public interface ProblemSource {

  /** The year's problems, each one paragraph of plain text (it is escaped where it is shown). */
  List<String> problems(int year);
}
