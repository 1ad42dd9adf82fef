package cn.fazhiduban.unit;

import java.util.List;

/**
 * What a unit name written in a plan refers to: one unit, a collective name with its members, the
 * placeholder for units still to be assigned, or nothing we know.
 */
public record UnitReference(String writtenName, Type type, String canonicalName, List<Unit> units) {

  public enum Type {
    UNIT,
    COLLECTIVE,
    PLACEHOLDER,
    UNRESOLVED
  }

  public boolean resolved() {
    return type != Type.UNRESOLVED;
  }
}
