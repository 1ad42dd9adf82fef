package cn.fazhiduban.plan.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * A task while its lines are being collected; {@link PlanParser} turns it into a {@link
 * ParsedTask}.
 */
final class TaskDraft {

  /**
   * The number as the plan writes it, or {@code null} when it gives none (a table without a 序号
   * column).
   */
  Integer writtenNumber;

  final String chapter;
  final String section;
  final int line;
  final StringBuilder text = new StringBuilder();

  /**
   * Lines such as {@code 牵头单位：区司法局}, from the lines under the task or from a table row's unit
   * columns.
   */
  final List<String> labelLines = new ArrayList<>();

  /** Set once the task has its annotation or a blank line: later prose is no longer part of it. */
  boolean closed;

  /**
   * The task's title when its first line is a short heading and its text follows on the next lines.
   */
  String title;

  /** The first line is short enough to be a title, if text follows it. */
  boolean titleCandidate;

  TaskDraft(Integer writtenNumber, String chapter, String section, int line) {
    this.writtenNumber = writtenNumber;
    this.chapter = chapter;
    this.section = section;
    this.line = line;
  }
}
