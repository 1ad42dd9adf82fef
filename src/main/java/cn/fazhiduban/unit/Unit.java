package cn.fazhiduban.unit;

import java.util.List;

/** A unit (单位) of the directory: a department, street, party organ, judicial office or the office itself. */
public record Unit(String code, String name, UnitKind kind, List<String> aliases) {

  /** The Camunda group of a unit has the unit's code as its id. */
  public String groupId() {
    return code;
  }
}
