package cn.fazhiduban.reporting;

import java.time.Instant;
import java.util.Map;

/**
 * Adds inputs to the {@code unit-score} decision table for one unit and period. Features other than
 * supervision (for example 法治督察) contribute their counts here, so that reporting need not know
 * them; an input that no contributor gives counts as 0.
 */
public interface ScoreInputContributor {

  /**
   * Counts by the decision table's input variable name, for the unit over the period [from, to).
   */
  Map<String, Integer> inputs(String unitCode, Instant from, Instant to);
}
