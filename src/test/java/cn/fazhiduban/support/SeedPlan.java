package cn.fazhiduban.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The shipped plan (重庆两江新区, 74 tasks) as the application reads it from its classpath. */
public final class SeedPlan {

  private SeedPlan() {}

  public static String text() {
    try (InputStream in = SeedPlan.class.getResourceAsStream("/plans/liangjiang-plan-2021-2025.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
