package cn.fazhiduban.plan.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads test plans from the class path. */
final class PlanFixtures {

  static final String SEED = "/plans/liangjiang-plan-2021-2025.txt";

  private PlanFixtures() {}

  static byte[] bytes(String resource) {
    try (InputStream in = PlanFixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String resource) {
    return new String(bytes(resource), StandardCharsets.UTF_8);
  }

  static String seed() {
    return text(SEED);
  }
}
