package cn.fazhiduban.unit;

import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.unit.UnitChange.Action;
import cn.fazhiduban.unit.UnitProperties.CollectiveEntry;
import cn.fazhiduban.unit.UnitProperties.UnitEntry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The directory's tables: seeded from {@code units.yaml} when they are empty (the first start),
 * read as a whole otherwise. After the first start the file is no longer read for units: changes go
 * through {@code /api/units}.
 */
@Component
class UnitStore implements InitializingBean {

  static final String SEEDED_BY = "units.yaml";

  private static final Logger log = LoggerFactory.getLogger(UnitStore.class);

  private final UnitProperties properties;
  private final UnitRecordRepository units;
  private final CollectiveRecordRepository collectives;
  private final UnitChangeRepository changes;
  private final TransactionTemplate transaction;
  private final EngineClock clock;

  UnitStore(
      UnitProperties properties,
      UnitRecordRepository units,
      CollectiveRecordRepository collectives,
      UnitChangeRepository changes,
      TransactionTemplate transaction,
      EngineClock clock) {
    this.properties = properties;
    this.units = units;
    this.collectives = collectives;
    this.changes = changes;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Override
  public void afterPropertiesSet() {
    transaction.executeWithoutResult(status -> seedIfEmpty());
  }

  private void seedIfEmpty() {
    if (units.count() > 0) {
      return;
    }
    // Checks the file as a whole first (a name for two units, an unknown member) and refuses to
    // start on an error.
    UnitIndex.of(properties);
    int ordinal = 0;
    for (UnitEntry entry : properties.directory()) {
      UnitRecord record =
          units.save(
              new UnitRecord(entry.code(), entry.name(), entry.kind(), entry.aliases(), ++ordinal));
      changes.save(
          new UnitChange(
              record.getCode(),
              Action.SEEDED,
              SEEDED_BY,
              clock.now(),
              null,
              UnitJson.of(record.toUnit())));
    }
    if (collectives.count() == 0) {
      for (CollectiveEntry entry : properties.collectives()) {
        collectives.save(
            new CollectiveRecord(
                entry.name(), entry.aliases(), entry.memberKinds(), entry.members()));
      }
    }
    units.flush();
    log.info(
        "单位目录首次启动：已从 units.yaml 写入 {} 个单位、{} 个集合名称",
        properties.directory().size(),
        properties.collectives().size());
  }

  UnitIndex load() {
    return transaction.execute(
        status ->
            new UnitIndex(
                units.findAllWithAliases().stream().map(UnitRecord::toUnit).toList(),
                collectives.findAll().stream().map(CollectiveRecord::toCollective).toList(),
                properties.placeholder().name(),
                properties.placeholder().aliases()));
  }

  List<UnitChange> changesOf(String code) {
    return changes.findByUnitCodeOrderById(code);
  }
}
