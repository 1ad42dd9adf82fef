package cn.fazhiduban.engine;

import java.util.List;

/**
 * One feature's comparison of its own rows with the engine's state (work items, escalations,
 * inspections, …). {@code GET /api/admin/consistency} and the nightly check report what every such
 * bean finds.
 */
public interface ConsistencyCheck {

  /** Every disagreement found now; empty when the feature's rows and the engine agree. */
  List<Disagreement> disagreements();

  /**
   * One disagreement: what kind of record ({@code workItem}, {@code escalation}, …), its id, and
   * what is wrong, in Chinese for the administrator who reads it.
   */
  record Disagreement(String kind, String id, String processInstanceId, String message) {}
}
