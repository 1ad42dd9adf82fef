package cn.fazhiduban.unit;

/**
 * What happened to the unit directory. Published inside the transaction that changed the table, so
 * that identity (the unit's Camunda group) and security (its grants) follow in the same
 * transaction, or not at all.
 */
public final class UnitEvents {

  private UnitEvents() {}

  public record UnitAdded(Unit unit) {}

  public record UnitRenamed(Unit unit, String oldName) {}

  public record UnitRetired(Unit unit) {}
}
