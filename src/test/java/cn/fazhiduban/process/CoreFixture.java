package cn.fazhiduban.process;

import cn.fazhiduban.plan.PlanImportService;
import cn.fazhiduban.supervision.RoundService;
import cn.fazhiduban.supervision.RoundService.OpenRound;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.io.ClassPathResource;

/**
 * A plan of two tasks of our own (src/test/resources/plans/core-fixture-plan.txt): task 1 reported
 * by 组织人事部 and 财政局 and reviewed by 司法局, task 2 reported by its lead unit 组织人事部 without review.
 */
final class CoreFixture {

  static final int REVIEWED_TASK = 1;
  static final int UNREVIEWED_TASK = 2;
  static final String LEAD = "sfj";
  static final String CLERK = "zzrsb";
  static final String OTHER = "czj";

  private CoreFixture() {}

  static long importPlan(PlanImportService plans) {
    try {
      String text =
          new ClassPathResource("plans/core-fixture-plan.txt")
              .getContentAsString(StandardCharsets.UTF_8);
      return plans.importPlan(text, "test").id();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Opens a round of the fixture plan whose reports are due at 18:00 Beijing time of {@code due}.
   */
  static RoundService.Opened open(
      RoundService rounds, long planId, LocalDate due, Integer... tasks) {
    return rounds.open(
        new OpenRound(
            planId,
            "核心测试",
            due.atTime(18, 0).atZone(ProcessTestSupport.BEIJING).toOffsetDateTime(),
            List.of(tasks)),
        "yfzqb1");
  }
}
