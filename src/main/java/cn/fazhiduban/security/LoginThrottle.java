package cn.fazhiduban.security;

import cn.fazhiduban.engine.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Failed logins counted per client address, beside the engine's own per-user delay: an address with
 * too many failures in the window is refused for a while, before its attempts reach the engine and
 * delay the users it tries.
 *
 * <p>Kept in memory, on purpose: the count is short-lived, a restart forgetting it costs an
 * attacker nothing they could not get by waiting, and counting failures in the database would let
 * the attacker drive writes into it. With two nodes each node counts its own share.
 */
@Component
public class LoginThrottle {

  private final EngineClock clock;
  private final int maxFailures;
  private final Duration window;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  LoginThrottle(EngineClock clock, LoginProperties properties) {
    this.clock = clock;
    this.maxFailures = properties.maxFailuresPerAddress();
    this.window = properties.addressWindow();
  }

  /** Whether logins from the address are refused now. */
  public boolean isBlocked(String address) {
    Deque<Instant> recent = failures.get(address);
    if (recent == null) {
      return false;
    }
    synchronized (recent) {
      prune(recent);
      return recent.size() >= maxFailures;
    }
  }

  public void failed(String address) {
    Deque<Instant> recent = failures.computeIfAbsent(address, key -> new ArrayDeque<>());
    synchronized (recent) {
      prune(recent);
      recent.addLast(clock.now());
    }
  }

  /** Blocked addresses with the time their block ends. */
  public Map<String, Instant> blocked() {
    Map<String, Instant> blocked = new LinkedHashMap<>();
    failures.forEach(
        (address, recent) -> {
          synchronized (recent) {
            prune(recent);
            if (recent.size() >= maxFailures) {
              blocked.put(address, recent.peekFirst().plus(window));
            }
          }
        });
    failures.values().removeIf(Deque::isEmpty);
    return blocked;
  }

  /** Lifts an address's block (an administrator, in Admin or through /api/admin/locks). */
  public boolean clear(String address) {
    return failures.remove(address) != null;
  }

  private void prune(Deque<Instant> recent) {
    Instant since = clock.now().minus(window);
    while (!recent.isEmpty() && recent.peekFirst().isBefore(since)) {
      recent.removeFirst();
    }
  }
}
