package cn.fazhiduban.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The tests' own plan ({@code src/test/resources/fixtures/plan.txt}, 74 tasks, the demo plan of
 * every test context): a frozen, retitled copy of the layout the product was first built for, so
 * that a district replacing its shipped plan changes no test.
 */
public final class FixturePlan {

  public static final String TITLE = "测试新区法治政府建设任务分解方案（2021—2025年）";
  public static final String ISSUER = "测试新区全面依法治区委员会";

  private FixturePlan() {}

  /**
   * The id of this plan as {@code GET /api/plans} lists it to {@code user}. Test classes share one
   * application and import plans of their own, so the first plan listed need not be this one.
   */
  public static long id(Api user) {
    for (JsonNode plan : user.get("/api/plans").json()) {
      if (plan.path("title").asText().equals(TITLE)) {
        return plan.path("id").asLong();
      }
    }
    throw new AssertionError("方案列表中没有演示方案：" + TITLE);
  }

  public static String text() {
    try (InputStream in = FixturePlan.class.getResourceAsStream("/fixtures/plan.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
