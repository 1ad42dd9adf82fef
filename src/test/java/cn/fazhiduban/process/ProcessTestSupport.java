package cn.fazhiduban.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.springframework.test.context.TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS;

import cn.fazhiduban.calendar.WorkingCalendar;
import cn.fazhiduban.engine.ConsistencyCheckProcess;
import cn.fazhiduban.escalation.EscalationProcess;
import cn.fazhiduban.inspection.InspectionProcess;
import cn.fazhiduban.plan.PlanImportProcess;
import cn.fazhiduban.plan.PlanRepository;
import cn.fazhiduban.reporting.AnnualReportProcess;
import cn.fazhiduban.supervision.RoundService;
import cn.fazhiduban.supervision.RoundService.OpenRound;
import cn.fazhiduban.supervision.RoundStart;
import cn.fazhiduban.supervision.SupervisionRoundProcess;
import cn.fazhiduban.supervision.TaskSupervision;
import cn.fazhiduban.support.ConsistentRecords;
import cn.fazhiduban.support.FixturePlan;
import cn.fazhiduban.support.Jobs;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Scope;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.context.support.AbstractTestExecutionListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Process tests run the engine, JPA and our beans on H2, without a web server, the engine's REST
 * API or the webapps, and with the job executor off, so that each test decides when a job runs
 * (camunda-bpm-assert's {@code execute(job())}). Flow-node coverage is gated per test class, on the
 * model the class names in {@link CoverageOf}.
 *
 * <p>The classes share one application context: they declare no configuration of their own, and the
 * coverage settings follow the class that is starting (a prototype bean, read by the coverage
 * listener when each class starts). Each test opens its own rounds on the fixture plan, so the data
 * that earlier classes left does not matter. {@link cn.fazhiduban.support.OneLiveContext} closes
 * the context before a class with another configuration starts.
 */
@TestExecutionListeners(
    listeners = {ConsistentRecords.class, ProcessTestSupport.ModelUnderTest.class},
    mergeMode = MERGE_WITH_DEFAULTS)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      // no web server, so neither the engine's REST API nor Jersey: the engine, JPA and our beans
      // only
      "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration"
    })
@ActiveProfiles("test")
@Import({ProcessEngineCoverageConfiguration.class, ProcessTestSupport.Coverage.class})
abstract class ProcessTestSupport {

  /** The flow-node coverage each process test class must reach on the model it is about. */
  static final double COVERAGE_GATE = 0.9;

  private static volatile String modelUnderTest;

  /**
   * Notes the model of the class that is starting, before the coverage listener (ordered last) asks
   * the context for its settings.
   */
  static final class ModelUnderTest extends AbstractTestExecutionListener {

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE - 1;
    }

    @Override
    public void beforeTestClass(TestContext testContext) {
      CoverageOf coverageOf = testContext.getTestClass().getAnnotation(CoverageOf.class);
      if (coverageOf == null) {
        throw new IllegalStateException(
            testContext.getTestClass().getSimpleName() + " 须以 @CoverageOf 注明它所测试的流程模型");
      }
      modelUnderTest = coverageOf.value();
    }
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class Coverage {
    /** A fresh settings object each time it is asked for: the coverage listener asks per class. */
    @Bean
    @Primary // ProcessEngineCoverageConfiguration registers a default without a gate beside it
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
      return coverageOf(modelUnderTest);
    }

    @Bean
    FailAtCommit failAtCommit() {
      return new FailAtCommit();
    }
  }

  /**
   * A fault for tests of what a failed commit leaves: once armed, the next transaction that
   * publishes an event of the type fails at commit, after all its work was done, as when the
   * database connection breaks then.
   */
  static final class FailAtCommit {

    private final AtomicReference<Class<?>> armed = new AtomicReference<>();

    void failNext(Class<?> eventType) {
      armed.set(eventType);
    }

    @EventListener
    void on(Object event) {
      Class<?> type = armed.get();
      if (type != null && type.isInstance(event) && armed.compareAndSet(type, null)) {
        TransactionSynchronizationManager.registerSynchronization(
            new TransactionSynchronization() {
              @Override
              public void beforeCommit(boolean readOnly) {
                throw new IllegalStateException("模拟故障：提交前数据库连接中断");
              }
            });
      }
    }
  }

  /**
   * Coverage settings for a class that tests {@code model}: the gate, counted on that model alone.
   */
  private static ProcessEngineCoverageProperties coverageOf(String model) {
    return ProcessEngineCoverageProperties.builder()
        .assertClassCoverageAtLeast(COVERAGE_GATE)
        .excludeProcessDefinitionKeys(
            MODELS.stream().filter(key -> !key.equals(model)).toArray(String[]::new))
        .build();
  }

  private static final List<String> MODELS =
      List.of(
          SupervisionRoundProcess.PROCESS_ID,
          TaskSupervision.PROCESS_ID,
          EscalationProcess.PROCESS_ID,
          ConsistencyCheckProcess.PROCESS_ID,
          RoundStart.PROCESS_ID,
          AnnualReportProcess.PROCESS_ID,
          AnnualReportProcess.SCHEDULE_PROCESS_ID,
          InspectionProcess.PROCESS_ID,
          PlanImportProcess.PROCESS_ID);

  @Autowired ProcessEngine processEngine;

  /**
   * The delegate of ServiceTask_CloseTask, as itself unless a test makes it fail (Mockito resets it
   * after each test). Declared here, for every process test, so that they keep one context.
   */
  @MockitoSpyBean(name = "closeTaskDelegate")
  JavaDelegate closeTaskDelegate;

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
        .processDefinitionKey(TaskSupervision.PROCESS_ID)
        .processInstanceBusinessKey(roundId + "/" + taskNo)
        .singleResult();
  }
}
