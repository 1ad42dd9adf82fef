package cn.fazhiduban.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.calendar.WorkingCalendar;
import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.supervision.SupervisionRound;
import cn.fazhiduban.supervision.SupervisionRoundRepository;
import cn.fazhiduban.supervision.WorkItem;
import cn.fazhiduban.supervision.WorkItemRepository;
import cn.fazhiduban.support.OneEngineAtATime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A fresh demo start opens 演示轮次: a handful of tasks, due at 18:00 Beijing time ten working days on,
 * with work for the demo clerks the README names; a second start opens nothing more.
 */
@OneEngineAtATime
@SpringBootTest(properties = {"duban.demo.round=true", "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("test")
class DemoRoundTest {

  @Autowired SupervisionRoundRepository rounds;
  @Autowired WorkItemRepository workItems;
  @Autowired WorkingCalendar calendar;
  @Autowired EngineClock clock;
  @Autowired DemoRound demoRound;

  @Test
  void aFreshDemoStartOpensTheDemoRoundOnce() {
    List<SupervisionRound> all = rounds.findAll();
    assertThat(all)
        .singleElement()
        .satisfies(
            round -> {
              assertThat(round.getLabel()).isEqualTo(DemoRound.LABEL);
              assertThat(round.getReportDue())
                  .isEqualTo(
                      calendar
                          .plusWorkingDays(clock.today(), DemoRound.WORKING_DAYS)
                          .atTime(18, 0)
                          .atZone(EngineClock.ZONE)
                          .toInstant());
            });
    long roundId = all.get(0).getId();
    List<WorkItem> items =
        workItems.findAll().stream().filter(i -> i.getRoundId() == roundId).toList();
    assertThat(items.stream().map(WorkItem::getTaskNo).distinct().count())
        .as("a handful of tasks")
        .isBetween(3L, 5L);
    assertThat(items).as("no clerk's list is flooded").hasSizeLessThanOrEqualTo(15);
    assertThat(items).extracting(WorkItem::getUnitCode).containsAll(DemoRound.FEATURED_UNITS);

    assertThat(demoRound.openIfFresh(all.get(0).getPlanId()))
        .as("a second start opens nothing")
        .isEmpty();
    assertThat(rounds.count()).isEqualTo(1);
  }
}
