package cn.fazhiduban.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.springframework.test.context.TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS;

import cn.fazhiduban.calendar.WorkingCalendar;
import cn.fazhiduban.plan.PlanRepository;
import cn.fazhiduban.supervision.RoundService;
import cn.fazhiduban.supervision.RoundService.OpenRound;
import cn.fazhiduban.support.ConsistentRecords;
import cn.fazhiduban.support.FixturePlan;
import cn.fazhiduban.support.Jobs;
import cn.fazhiduban.support.OneEngineAtATime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Process tests run the engine, JPA and our beans on H2, without a web server, the engine's REST
 * API or the webapps, and with the job executor off, so that each test decides when a job runs
 * (camunda-bpm-assert's {@code execute(job())}). Flow-node coverage is gated per test class.
 */
@OneEngineAtATime
@TestExecutionListeners(listeners = ConsistentRecords.class, mergeMode = MERGE_WITH_DEFAULTS)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      // no web server, so neither the engine's REST API nor Jersey: the engine, JPA and our beans
      // only
      "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration"
    })
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
abstract class ProcessTestSupport {

  /** The flow-node coverage each process test class must reach on the model it is about. */
  static final double COVERAGE_GATE = 0.9;

  /**
   * Coverage settings for a class that tests {@code model}: the gate, counted on that model alone.
   */
  static ProcessEngineCoverageProperties coverageOf(String model) {
    return ProcessEngineCoverageProperties.builder()
        .assertClassCoverageAtLeast(COVERAGE_GATE)
        .excludeProcessDefinitionKeys(
            MODELS.stream().filter(key -> !key.equals(model)).toArray(String[]::new))
        .build();
  }

  private static final List<String> MODELS =
      List.of(
          "supervision-round",
          "task-supervision",
          "escalation",
          "consistency-check",
          "round-start",
          "annual-report",
          "annual-report-schedule",
          "inspection",
          "plan-import");

  @Autowired ProcessEngine processEngine;

  @Autowired RoundService rounds;

  @Autowired PlanRepository plans;

  static final ZoneId BEIJING = WorkingCalendar.ZONE;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(processEngine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Sets the engine clock to 09:00 Beijing time of a day; timers and deadlines follow it. */
  static void startClockAt(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(BEIJING).toInstant()));
  }

  /**
   * Moves the engine clock forward to 19:00 of a day and runs every job of the instance that is
   * then due.
   */
  void moveTo(LocalDate day, String processInstanceId) {
    Instant at = day.atTime(19, 0).atZone(BEIJING).toInstant();
    if (at.isBefore(ClockUtil.getCurrentTime().toInstant())) {
      throw new AssertionError("时钟只能向前拨：" + day);
    }
    ClockUtil.setCurrentTime(Date.from(at));
    executeJobs(processInstanceId);
  }

  static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(BEIJING).toLocalDate();
  }

  long seedPlanId() {
    return plans.findAll().stream()
        .filter(plan -> plan.getTitle().equals(FixturePlan.TITLE))
        .findFirst()
        .orElseThrow()
        .getId();
  }

  RoundService.Opened openRound(Integer... tasks) {
    return rounds.open(
        new OpenRound(
            seedPlanId(),
            "流程测试",
            OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(30),
            List.of(tasks)),
        "yfzqb1");
  }

  /** Runs every job of an instance (and of the instances it called) until none is left. */
  void executeJobs(String processInstanceId) {
    Jobs.runDue(processEngine.getManagementService(), processInstanceId);
  }

  ProcessInstance taskInstance(long roundId, int taskNo) {
    return runtimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey("task-supervision")
        .processInstanceBusinessKey(roundId + "/" + taskNo)
        .singleResult();
  }
}
