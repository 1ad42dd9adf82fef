package cn.fazhiduban.plan.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** Loads test plans from the class path. */
final class PlanFixtures {

  static final String SEED = "/plans/liangjiang-plan-2021-2025.txt";

  /** The day the tests parse on: its year is the year of plans that name none. */
  static final LocalDate TODAY = LocalDate.of(2024, 3, 1);

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

  /** Parses with the default options, on {@link #TODAY}. */
  static ParsedPlan parse(String text) {
    return new PlanParser().parse(text, TODAY);
  }

  static String seed() {
    return text(SEED);
  }
}
