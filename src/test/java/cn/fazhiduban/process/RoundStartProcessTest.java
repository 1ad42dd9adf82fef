package cn.fazhiduban.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.fazhiduban.calendar.WorkingCalendar;
import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.identity.Groups;
import cn.fazhiduban.inspection.InspectionProcess;
import cn.fazhiduban.plan.PlanImportProcess;
import cn.fazhiduban.plan.PlanImportService;
import cn.fazhiduban.reporting.AnnualReportProcess;
import cn.fazhiduban.supervision.RoundService.Preview;
import cn.fazhiduban.supervision.RoundService.RoundForm;
import cn.fazhiduban.supervision.RoundStart;
import cn.fazhiduban.supervision.RoundTask;
import cn.fazhiduban.supervision.RoundTaskRepository;
import cn.fazhiduban.supervision.SupervisionRoundProcess;
import cn.fazhiduban.supervision.SupervisionRoundRepository;
import cn.fazhiduban.supervision.TaskSelection;
import cn.fazhiduban.supervision.WorkItemRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * 开启督办轮次 from Tasklist: the start form's values go through the same service as {@code POST
 * /api/rounds}, whole or not at all, refused with the same Chinese messages; only 依法治区办 and
 * administrators may start it. A small plan of our own (two chapters, five tasks) keeps the counts
 * easy to follow.
 */
@CoverageOf(RoundStart.PROCESS_ID)
class RoundStartProcessTest extends ProcessTestSupport {

  @Autowired PlanImportService planImport;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired SupervisionRoundRepository supervisionRounds;
  @Autowired RoundTaskRepository roundTasks;
  @Autowired WorkItemRepository workItems;
  @Autowired WorkingCalendar calendar;
  @Autowired EngineClock clock;

  long planId;

  @BeforeEach
  void importTheSmallPlan() throws IOException {
    String text =
        new ClassPathResource("plans/office-round-plan.txt")
            .getContentAsString(StandardCharsets.UTF_8);
    planId = planImport.importPlan(text, "test").id();
  }

  @AfterEach
  void logOut() {
    identityService.clearAuthentication();
  }

  @Test
  void theOfficeOpensChapterOneAndSeesAsManyWorkItemsAsThePreviewSaid() {
    LocalDate due = calendar.plusWorkingDays(clock.today(), 10);
    Preview preview =
        rounds.preview(
            new RoundForm(planId, "2026年第四季度", due, TaskSelection.of("chapters", "一", null)));
    // 1: 组织人事部, 审计局; 2: 司法局, 财政局; 3: 组织人事部 (the lead units report as well where the plan names
    // them)
    assertThat(preview.tasks()).isEqualTo(3);

    long roundsBefore = supervisionRounds.count();
    ProcessInstance started =
        startAs("yfzqb1", "yfzqb", form("2026年第四季度", due, "chapters", "一", null));

    assertThat(started)
        .isEnded()
        .hasPassed(
            RoundStart.Elements.START, RoundStart.Elements.OPEN_ROUND, RoundStart.Elements.END);
    Map<String, Object> variables = historicVariables(started.getId());
    long roundId = ((Number) variables.get(RoundStart.Variables.ROUND_ID)).longValue();
    assertThat(variables.get(RoundStart.Variables.WORK_ITEMS)).isEqualTo(preview.workItems());
    assertThat(supervisionRounds.count()).isEqualTo(roundsBefore + 1);
    assertThat(workItems.countByRoundId(roundId)).isEqualTo(preview.workItems()).isPositive();
    assertThat(
            roundTasks.findAll().stream()
                .filter(t -> t.getRoundId() == roundId)
                .map(RoundTask::getTaskNo))
        .containsExactlyInAnyOrder(1, 2, 3);
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(started.getId())
                .singleResult()
                .getBusinessKey())
        .isEqualTo(String.valueOf(roundId));
    // the round itself runs as ever, under its own business key, due at 18:00 Beijing time of the
    // chosen day
    ProcessInstance round =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(SupervisionRoundProcess.PROCESS_ID)
            .processInstanceBusinessKey(String.valueOf(roundId))
            .singleResult();
    assertThat(round).isNotNull().isActive();
    assertThat(supervisionRounds.findById(roundId).orElseThrow().getReportDue())
        .isEqualTo(due.atTime(18, 0).atZone(EngineClock.ZONE).toInstant());
  }

  @Test
  void aListOfNumbersOpensThoseTasks() {
    LocalDate due = calendar.plusWorkingDays(clock.today(), 5);
    ProcessInstance started = startAs("yfzqb1", "yfzqb", form("按编号", due, "list", null, "1-2， 5"));
    long roundId =
        ((Number) historicVariables(started.getId()).get(RoundStart.Variables.ROUND_ID))
            .longValue();
    assertThat(
            roundTasks.findAll().stream()
                .filter(t -> t.getRoundId() == roundId)
                .map(RoundTask::getTaskNo))
        .containsExactlyInAnyOrder(1, 2, 5);
  }

  @Test
  void aSaturdayIsRefusedWithTheNextWorkingDayAndNothingOpens() {
    LocalDate saturday = clock.today().plusDays(7);
    while (saturday.getDayOfWeek() != DayOfWeek.SATURDAY || calendar.isWorkingDay(saturday)) {
      saturday = saturday.plusDays(1);
    }
    LocalDate next = calendar.nextWorkingDay(saturday);
    String expected =
        DateTimeFormatter.ofPattern("yyyy年M月d日").format(saturday)
            + "（星期六）不是工作日，请选择工作日，如下一个工作日 "
            + DateTimeFormatter.ofPattern("yyyy年M月d日").format(next);
    assertRefusedAndNothingOpens(form("周六截止", saturday, "all", null, null), expected);
  }

  @Test
  void anEmptyTaskListIsRefusedAndNothingOpens() {
    LocalDate due = calendar.plusWorkingDays(clock.today(), 5);
    assertRefusedAndNothingOpens(form("空清单", due, "list", null, " "), "任务清单是空的");
    assertRefusedAndNothingOpens(form("没选章节", due, "chapters", null, null), "请至少选择一章");
  }

  @Test
  void aPastDateOrAnUnknownTaskNumberIsRefused() {
    assertRefusedAndNothingOpens(form("过期", clock.today().minusDays(1), "all", null, null), "已过");
    assertRefusedAndNothingOpens(
        form("多余编号", calendar.plusWorkingDays(clock.today(), 5), "list", null, "4-9"),
        "方案中没有这些任务编号：[6, 7, 8, 9]");
  }

  @Test
  void onlyTheOfficeAndAdministratorsMayStartIt() {
    identityService.setAuthentication("zzrsb1", List.of("zzrsb"));
    assertThat(startableInTasklist()).as("组织人事部的承办人在「启动流程」中看到的流程").isEmpty();
    Map<String, Object> values =
        form("越权", calendar.plusWorkingDays(clock.today(), 5), "all", null, null);
    assertThatThrownBy(() -> formService.submitStartForm(definition().getId(), values))
        .isInstanceOf(AuthorizationException.class);

    identityService.setAuthentication("yfzqb1", List.of("yfzqb"));
    // exactly the office's own processes (StartableProcess beans), never the ones the engine starts
    assertThat(startableInTasklist())
        .extracting(ProcessDefinition::getKey)
        .containsExactlyInAnyOrder(
            RoundStart.PROCESS_ID,
            PlanImportProcess.PROCESS_ID,
            AnnualReportProcess.PROCESS_ID,
            InspectionProcess.PROCESS_ID);
    identityService.setAuthentication("leader1", List.of(Groups.LEADERS));
    assertThat(startableInTasklist()).as("领导在「启动流程」中看到的流程").isEmpty();
    identityService.setAuthentication("admin", List.of("camunda-admin"));
    assertThat(startableInTasklist())
        .extracting(ProcessDefinition::getKey)
        .contains(RoundStart.PROCESS_ID)
        .doesNotContain("supervision-round", "task-supervision", "escalation");
  }

  // --- helpers ---

  private Map<String, Object> form(
      String label, LocalDate due, String scope, String chapters, String list) {
    Map<String, Object> values = new HashMap<>();
    values.put(RoundStart.Variables.PLAN_ID, planId);
    values.put(RoundStart.Variables.LABEL, label);
    values.put(RoundStart.Variables.REPORT_DATE, due.toString());
    values.put(RoundStart.Variables.TASK_SCOPE, scope);
    values.put(RoundStart.Variables.CHAPTERS, chapters);
    values.put(RoundStart.Variables.TASK_LIST, list);
    return values;
  }

  private ProcessInstance startAs(String user, String group, Map<String, Object> values) {
    identityService.setAuthentication(user, List.of(group));
    try {
      return formService.submitStartForm(definition().getId(), values);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void assertRefusedAndNothingOpens(Map<String, Object> values, String message) {
    long rounds = supervisionRounds.count();
    long items = workItems.count();
    long started =
        historyService
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(RoundStart.PROCESS_ID)
            .count();
    assertThatThrownBy(() -> startAs("yfzqb1", "yfzqb", values))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining(message);
    assertThat(supervisionRounds.count()).isEqualTo(rounds);
    assertThat(workItems.count()).isEqualTo(items);
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(RoundStart.PROCESS_ID)
                .count())
        .isEqualTo(started);
  }

  private ProcessDefinition definition() {
    return repositoryService
        .createProcessDefinitionQuery()
        .processDefinitionKey(RoundStart.PROCESS_ID)
        .latestVersion()
        .singleResult();
  }

  private List<ProcessDefinition> startableInTasklist() {
    return repositoryService
        .createProcessDefinitionQuery()
        .latestVersion()
        .active()
        .startableInTasklist()
        .startablePermissionCheck()
        .listPage(0, 100);
  }

  private Map<String, Object> historicVariables(String processInstanceId) {
    Map<String, Object> variables = new HashMap<>();
    historyService
        .createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId)
        .list()
        .forEach(v -> variables.put(v.getName(), v.getValue()));
    return variables;
  }
}
