package cn.fazhiduban.support;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waits for something the job executor does in the background, without sleeping longer than needed.
 */
public final class Poll {

  private Poll() {}

  public static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("等待超时（" + timeout.toSeconds() + " 秒）：" + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
