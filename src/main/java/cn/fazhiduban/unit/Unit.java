package cn.fazhiduban.unit;

import java.util.List;

/**
 * A unit (单位) of the directory: a department, street, party organ, judicial office or the office
 * itself. A retired unit (撤销) keeps its code, group and open work, but no plan name resolves to it
 * and no collective expands to it.
 */
public record Unit(String code, String name, UnitKind kind, List<String> aliases, boolean retired) {

  public Unit(String code, String name, UnitKind kind, List<String> aliases) {
    this(code, name, kind, aliases, false);
  }

  /** The Camunda group of a unit has the unit's code as its id. */
  public String groupId() {
    return code;
  }
}
