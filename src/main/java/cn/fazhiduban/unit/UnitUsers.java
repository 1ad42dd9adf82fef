package cn.fazhiduban.unit;

import java.util.List;

/**
 * Who logs in for a unit, as far as {@code GET /api/units} tells: in demo mode the demo users.
 * Implemented by {@code identity}, which sits above {@code unit} and knows the Camunda users.
 */
public interface UnitUsers {

  /** Whether the directory lists users at all (demo mode). */
  boolean listed();

  List<String> of(Unit unit);
}
