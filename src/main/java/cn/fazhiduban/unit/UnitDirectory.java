package cn.fazhiduban.unit;

import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The units of the district and the collective names that stand for several of them, read from the
 * directory's tables and kept in memory. A change through {@link UnitService} drops the copy;
 * inside the changing transaction the directory is read fresh (so the change is seen at once
 * there), and after it ends everyone reads it anew. Another node of a cluster rereads it after at
 * most {@link #MAX_AGE_NANOS}.
 */
@Component
public class UnitDirectory {

  /** How long a node trusts its copy when another node may have changed the table. */
  static final long MAX_AGE_NANOS = 30_000_000_000L;

  /**
   * Bound to a transaction that changed the directory: its reads must not be cached for everyone.
   */
  private static final Object CHANGED_IN_THIS_TRANSACTION = new Object();

  private final UnitStore store;
  private volatile Cached cached;

  private record Cached(UnitIndex index, long loadedAt) {}

  @Autowired
  UnitDirectory(UnitStore store) {
    this.store = store;
  }

  /** A fixed directory, read from a {@code units.yaml} as bound (for checks of the file itself). */
  public UnitDirectory(UnitProperties properties) {
    this.store = null;
    this.cached = new Cached(UnitIndex.of(properties), Long.MAX_VALUE);
  }

  private UnitIndex index() {
    if (store == null) {
      return cached.index();
    }
    if (TransactionSynchronizationManager.hasResource(CHANGED_IN_THIS_TRANSACTION)) {
      return store.load();
    }
    Cached current = cached;
    long now = System.nanoTime();
    if (current == null || now - current.loadedAt() > MAX_AGE_NANOS) {
      current = new Cached(store.load(), now);
      cached = current;
    }
    return current.index();
  }

  /**
   * Called by a change inside its transaction: read fresh until it ends, and drop the copy when it
   * does.
   */
  void changed() {
    cached = null;
    if (TransactionSynchronizationManager.isSynchronizationActive()
        && !TransactionSynchronizationManager.hasResource(CHANGED_IN_THIS_TRANSACTION)) {
      TransactionSynchronizationManager.bindResource(CHANGED_IN_THIS_TRANSACTION, Boolean.TRUE);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(
                  CHANGED_IN_THIS_TRANSACTION);
              cached = null;
            }
          });
    }
  }

  /** Every unit, retired ones included (their groups and open work stay). */
  public List<Unit> units() {
    return index().units();
  }

  /** The units that may get new work. */
  public List<Unit> activeUnits() {
    return index().units().stream().filter(unit -> !unit.retired()).toList();
  }

  public Optional<Unit> byCode(String code) {
    return index().byCode(code);
  }

  public String placeholderName() {
    return index().placeholderName();
  }

  /** The unit that carries the name or alias, retired ones included. */
  public Optional<Unit> unitNamed(String name) {
    return index().unitNamed(name);
  }

  /**
   * Which unit, collective or placeholder already carries the name, if any (retired units
   * included).
   */
  public Optional<String> holderOf(String name) {
    return index().holderOf(name);
  }

  /** Resolves one unit name as a plan writes it. */
  public UnitReference resolve(String writtenName) {
    return index().resolve(writtenName);
  }
}
