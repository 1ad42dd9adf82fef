package cn.fazhiduban.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import cn.fazhiduban.calendar.WorkingCalendar;
import cn.fazhiduban.engine.ConsistencyCheck;
import cn.fazhiduban.escalation.EscalationLevel;
import cn.fazhiduban.escalation.EscalationProcess;
import cn.fazhiduban.inspection.InspectionFixtures;
import cn.fazhiduban.inspection.InspectionProcess;
import cn.fazhiduban.inspection.InspectionProcess.Elements;
import cn.fazhiduban.inspection.InspectionProcess.Variables;
import cn.fazhiduban.inspection.InspectionQueries;
import cn.fazhiduban.inspection.InspectionReport;
import cn.fazhiduban.plan.PlanImportService;
import cn.fazhiduban.reporting.ProblemSource;
import cn.fazhiduban.reporting.ScoreInputContributor;
import cn.fazhiduban.unit.Unit;
import cn.fazhiduban.unit.UnitDirectory;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 法治督察 walked through with camunda-bpm-assert, as 依法治区办 (yfzqb1), the units' clerks and the engine
 * clock: two units share one inspection; the first reports, gets two findings, rectifies both, one
 * is returned once; the second has no findings and closes at once; the coverage, the 督察报告, the
 * score inputs and the 通报 follow. An overdue rectification climbs the ladder through the decision
 * table escalation-level.
 */
@CoverageOf(InspectionProcess.PROCESS_ID)
class InspectionProcessTest extends ProcessTestSupport {

  /** A Monday in an ordinary week of 2026, inside the test plan's period 2026—2030. */
  private static final LocalDate START = LocalDate.of(2026, 3, 2);

  @Autowired PlanImportService planImport;
  @Autowired UnitDirectory directory;
  @Autowired IdentityService identity;
  @Autowired InspectionQueries queries;
  @Autowired InspectionReport report;
  @Autowired List<ScoreInputContributor> contributors;
  @Autowired List<ProblemSource> problemSources;
  @Autowired List<ConsistencyCheck> consistencyChecks;
  @Autowired WorkingCalendar calendar;
  @Autowired JdbcTemplate jdbc;

  long planId;
  List<Unit> units;

  @BeforeEach
  void setUp() {
    startClockAt(START);
    planId = InspectionFixtures.importPlan(planImport);
    units = InspectionFixtures.twoUnits(directory);
  }

  @AfterEach
  void clearAuthentication() {
    identity.clearAuthentication();
  }

  @Test
  void twoUnitsOneWithFindingsReturnedOnceTheOtherClosedAtOnce() throws Exception {
    Unit first = units.get(0);
    Unit second = units.get(1);
    ProcessInstance instance = start(List.of(first, second), calendar.plusWorkingDays(START, 10));
    long inspectionId = (Long) runtime().getVariable(instance.getId(), Variables.INSPECTION_ID);

    assertThat(instance).isWaitingAt(Elements.SUBMIT_SELF_INSPECTION);
    Task firstSelf = task(Elements.SUBMIT_SELF_INSPECTION, first.code());
    assertThat(firstSelf.getDueDate()).isNotNull();
    complete(firstSelf, first.code(), Map.of(Variables.SELF_REPORT, "本单位对照督察主题逐项自查，情况如下……"));
    complete(
        task(Elements.SUBMIT_SELF_INSPECTION, second.code()),
        second.code(),
        Map.of(Variables.SELF_REPORT, "已全面自查，未发现问题。"));

    // the group records two findings for the first unit, none for the second
    String deadline = calendar.plusWorkingDays(START, 15).toString();
    String chapter = "二、严格规范公正文明执法";
    completeAsOffice(
        opinionTask(first.code()),
        Map.of(
            Variables.OPINION,
            "总体较好，存在两处问题。",
            Variables.FINDINGS,
            "[{\"description\":\"行政执法公示不及时\",\"category\":\""
                + chapter
                + "\",\"severity\":\"一般\",\"deadline\":\""
                + deadline
                + "\",\"typicalCase\":false},"
                + "{\"description\":\"重大执法决定未经法制审核\",\"category\":\""
                + chapter
                + "\",\"severity\":\"严重\",\"deadline\":\""
                + deadline
                + "\",\"typicalCase\":true}]"));
    completeAsOffice(
        opinionTask(second.code()),
        Map.of(Variables.OPINION, "工作扎实，未发现问题。", Variables.FINDINGS, "[]"));
    assertThat(status(inspectionId, second.code())).as("没有问题的单位立即办结").isEqualTo("CLOSED");
    assertThat(status(inspectionId, first.code())).isEqualTo("RECTIFYING");

    // the unit rectifies both findings
    List<Task> rectify = tasks(Elements.RECTIFY_FINDING);
    assertThat(rectify).hasSize(2).allSatisfy(t -> assertThat(t.getDueDate()).isNotNull());
    for (Task task : rectify) {
      complete(
          task,
          first.code(),
          Map.of(Variables.RECTIFY_MEASURES, "建立公示台账，专人负责。", Variables.RECTIFY_RESULT, "已补正全部公示。"));
    }
    List<Task> accept = tasks(Elements.ACCEPT_RECTIFICATION);
    assertThat(accept).hasSize(2);
    completeAsOffice(
        accept.get(0),
        Map.of(Variables.ACCEPT_DECISION, "returned", Variables.ACCEPT_OPINION, "公示台账未覆盖下半年，请补齐。"));
    completeAsOffice(accept.get(1), Map.of(Variables.ACCEPT_DECISION, "passed"));

    // returned once: the unit sees the opinion and rectifies again, then it passes
    Task again = tasks(Elements.RECTIFY_FINDING).get(0);
    assertThat(runtime().getVariable(again.getExecutionId(), Variables.RETURN_OPINION))
        .isEqualTo("公示台账未覆盖下半年，请补齐。");
    complete(
        again,
        first.code(),
        Map.of(Variables.RECTIFY_MEASURES, "补齐下半年台账。", Variables.RECTIFY_RESULT, "全年公示已补齐。"));
    completeAsOffice(
        tasks(Elements.ACCEPT_RECTIFICATION).get(0), Map.of(Variables.ACCEPT_DECISION, "passed"));

    // every finding passed: the unit closes, the inspection closes, the report is drafted; a
    // typical case to notify
    assertThat(status(inspectionId, first.code())).isEqualTo("CLOSED");
    assertThat(instance)
        .hasPassed(Elements.CLOSE_UNIT, Elements.DRAFT_REPORT)
        .isWaitingAt(Elements.PUBLISH_NOTICE);
    assertThat(
            jdbc.queryForObject(
                "select status from inspection where id = ?", String.class, inspectionId))
        .isEqualTo("CLOSED");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from finding_rectification where finding_id in "
                    + "(select id from finding where inspection_id = ?) and decision = 'RETURNED'",
                Integer.class,
                inspectionId))
        .isEqualTo(1);
    assertThat(runtime().getVariable(instance.getId(), Variables.TYPICAL_CASES))
        .isNull(); // local to the task
    completeAsOffice(
        taskQuery()
            .processInstanceId(instance.getId())
            .taskDefinitionKey(Elements.PUBLISH_NOTICE)
            .singleResult(),
        Map.of(
            Variables.NOTICE_DECISION,
            "publish",
            Variables.NOTICE_TITLE,
            "关于重大执法决定未经法制审核的通报",
            Variables.NOTICE_TEXT,
            "现将督察发现的典型案例通报如下……"));
    assertThat(instance).isEnded().hasPassed(Elements.END_INSPECTION_CLOSED);

    // coverage: both covered; the rate is covered / in scope, exactly
    InspectionQueries.Coverage coverage = queries.coverage(planId, code -> true);
    assertThat(coverage.units())
        .filteredOn(u -> u.unitCode().equals(first.code()) || u.unitCode().equals(second.code()))
        .hasSize(2)
        .allSatisfy(
            u -> {
              assertThat(u.covered()).isTrue();
              assertThat(u.light()).isEqualTo("green");
              assertThat(u.openFindings()).isZero();
            });
    assertThat(coverage.coveredUnits()).isEqualTo(2);
    assertThat(coverage.unitsInScope())
        .isEqualTo((int) directory.units().stream().filter(u -> !u.code().equals("yfzqb")).count());
    assertThat(coverage.coverageRate()).isEqualTo(2.0 / coverage.unitsInScope());
    assertThat(coverage.periodFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(coverage.periodTo()).isEqualTo(LocalDate.of(2030, 12, 31));
    assertThat(coverage.periodSource()).isEqualTo("title");
    assertThat(queries.proposal(planId).units())
        .extracting(InspectionQueries.ProposedUnit::code)
        .doesNotContain(first.code(), second.code())
        .isNotEmpty();

    // the typical case's notice counts in the first unit's score inputs; nothing for the second
    Instant from = LocalDate.of(2026, 1, 1).atStartOfDay(BEIJING).toInstant();
    Instant to = LocalDate.of(2027, 1, 1).atStartOfDay(BEIJING).toInstant();
    assertThat(inputs(first.code(), from, to))
        .containsEntry("findingsGeneral", 1)
        .containsEntry("findingsSerious", 1)
        .containsEntry("findingRectificationsOverdue", 0)
        .containsEntry("typicalCaseNotices", 1);
    assertThat(inputs(second.code(), from, to))
        .containsEntry("findingsGeneral", 0)
        .containsEntry("findingsSerious", 0)
        .containsEntry("typicalCaseNotices", 0);
    assertThat(inputs(first.code(), to, to.plusSeconds(86400 * 365)))
        .containsEntry("typicalCaseNotices", 0);

    // the annual report's problems section, the 督察报告, and the consistency check
    assertThat(problems(2026))
        .anySatisfy(p -> assertThat(p).contains("发现问题 2 个", "严重 1 个", first.name()))
        .anySatisfy(p -> assertThat(p).contains("关于重大执法决定未经法制审核的通报"));
    String docx = text(report.docx(queries.inspection(inspectionId, code -> true)));
    assertThat(docx)
        .contains("法治督察报告", first.name(), second.name(), "重大执法决定未经法制审核", "退回", "未发现问题", "发现问题 2 个");
    assertThat(disagreements()).isEmpty();
  }

  @Test
  void overdueSelfInspectionAndRectificationClimbTheSameLadder() {
    Unit unit = units.get(0);
    LocalDate selfDue = calendar.plusWorkingDays(START, 5);
    ProcessInstance instance = start(List.of(unit), selfDue);
    long inspectionId = (Long) runtime().getVariable(instance.getId(), Variables.INSPECTION_ID);

    // the self-inspection report: 提醒 three working days before, 警示 at the due date
    moveTo(calendar.minusWorkingDays(selfDue, 3), instance.getId());
    assertThat(level("inspected_unit", inspectionId)).isEqualTo(EscalationLevel.REMINDER.label());
    moveTo(selfDue, instance.getId());
    assertThat(level("inspected_unit", inspectionId)).isEqualTo(EscalationLevel.WARNING.label());
    complete(
        task(Elements.SUBMIT_SELF_INSPECTION, unit.code()),
        unit.code(),
        Map.of(Variables.SELF_REPORT, "迟交的自查报告。"));
    assertThat(level("inspected_unit", inspectionId)).as("报送后不再升级").isNull();

    LocalDate deadline = calendar.plusWorkingDays(today(), 6);
    completeAsOffice(
        opinionTask(unit.code()),
        Map.of(
            Variables.OPINION,
            "存在一处问题。",
            Variables.FINDINGS,
            "[{\"description\":\"执法全过程记录缺失\",\"category\":\"其他\",\"severity\":\"一般\",\"deadline\":\""
                + deadline
                + "\"}]"));
    moveTo(calendar.minusWorkingDays(deadline, 3), instance.getId());
    assertThat(level("finding", inspectionId)).isEqualTo(EscalationLevel.REMINDER.label());
    moveTo(deadline, instance.getId());
    // the same table supervision uses says 警示 at zero days overdue
    assertThat(level("finding", inspectionId)).isEqualTo(decide(0));
    assertThat(level("finding", inspectionId)).isEqualTo(EscalationLevel.WARNING.label());
    assertThat(
            jdbc.queryForObject(
                "select overdue_since from finding where inspection_id = ?",
                Instant.class,
                inspectionId))
        .isNotNull();
    moveTo(calendar.plusWorkingDays(deadline, 5), instance.getId());
    assertThat(level("finding", inspectionId))
        .isEqualTo(decide(5))
        .isEqualTo(EscalationLevel.SUPERVISED.label());
    Instant from = LocalDate.of(2026, 1, 1).atStartOfDay(BEIJING).toInstant();
    Instant to = LocalDate.of(2027, 1, 1).atStartOfDay(BEIJING).toInstant();
    assertThat(inputs(unit.code(), from, to)).containsEntry("findingRectificationsOverdue", 1);
    assertThat(queries.coverage(planId, code -> true).openFindingsBySeverity())
        .containsEntry("一般", 1);

    complete(
        tasks(Elements.RECTIFY_FINDING).get(0),
        unit.code(),
        Map.of(Variables.RECTIFY_MEASURES, "补录记录。", Variables.RECTIFY_RESULT, "已补录。"));
    completeAsOffice(
        tasks(Elements.ACCEPT_RECTIFICATION).get(0), Map.of(Variables.ACCEPT_DECISION, "passed"));
    // no typical case: no notice task, the inspection ends
    assertThat(instance).isEnded().hasNotPassed(Elements.PUBLISH_NOTICE);
    assertThat(disagreements()).isEmpty();
  }

  @Test
  void badStartInputIsRefusedWithAChineseMessageAndLeavesNothing() {
    int before = jdbc.queryForObject("select count(*) from inspection", Integer.class);
    String clerk = InspectionFixtures.userOf(identity, units.get(0).code());
    Map<String, Object> office = startVariables(List.of("yfzqb"), START.plusDays(10));
    identity.setAuthentication("yfzqb1", List.of("yfzqb"));
    assertThatThrownBy(() -> formService().submitStartForm(definitionId(), office))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("依法治区办不能督察自己");
    Map<String, Object> past = startVariables(List.of(units.get(0).code()), START.minusDays(1));
    assertThatThrownBy(() -> formService().submitStartForm(definitionId(), past))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("不能早于今天");
    Map<String, Object> stranger =
        new HashMap<>(startVariables(List.of(units.get(0).code()), START.plusDays(5)));
    stranger.put(Variables.GROUP_MEMBERS, "leader1");
    assertThatThrownBy(() -> formService().submitStartForm(definitionId(), stranger))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("不是依法治区办的用户");
    assertThat(jdbc.queryForObject("select count(*) from inspection", Integer.class))
        .isEqualTo(before);

    // a clerk may not start an inspection at all
    identity.setAuthentication(clerk, List.of(units.get(0).code()));
    assertThatThrownBy(
            () ->
                formService()
                    .submitStartForm(
                        definitionId(),
                        startVariables(List.of(units.get(0).code()), START.plusDays(5))))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
  }

  @Test
  void badFindingsAreRefusedAndACancelledInspectionEndsItsRows() {
    Unit unit = units.get(0);
    ProcessInstance instance = start(List.of(unit), START.plusDays(10));
    long inspectionId = (Long) runtime().getVariable(instance.getId(), Variables.INSPECTION_ID);
    complete(
        task(Elements.SUBMIT_SELF_INSPECTION, unit.code()),
        unit.code(),
        Map.of(Variables.SELF_REPORT, "自查。"));
    Task opinion = opinionTask(unit.code());
    assertThatThrownBy(
            () ->
                completeAsOffice(
                    opinion,
                    Map.of(
                        Variables.OPINION,
                        "意见",
                        Variables.FINDINGS,
                        "[{\"description\":\"问题\",\"category\":\"不存在的章节\",\"severity\":\"一般\",\"deadline\":\"2026-04-01\"}]")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("章节");
    assertThatThrownBy(
            () ->
                completeAsOffice(
                    opinion,
                    Map.of(
                        Variables.OPINION,
                        "意见",
                        Variables.FINDINGS,
                        "[{\"description\":\"问题\",\"category\":\"其他\",\"severity\":\"特别严重\",\"deadline\":\"2026-04-01\"}]")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("一般");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from finding where inspection_id = ?",
                Integer.class,
                inspectionId))
        .isZero();

    identity.clearAuthentication();
    runtime().deleteProcessInstance(instance.getId(), "测试取消");
    assertThat(
            jdbc.queryForObject(
                "select status from inspection where id = ?", String.class, inspectionId))
        .isEqualTo("CANCELLED");
    assertThat(status(inspectionId, unit.code())).isEqualTo("CANCELLED");
    assertThat(disagreements()).isEmpty();
  }

  // ---- helpers ----

  private ProcessInstance start(List<Unit> inspected, LocalDate selfReportDeadline) {
    identity.setAuthentication("yfzqb1", List.of("yfzqb"));
    ProcessInstance instance;
    try {
      instance =
          formService()
              .submitStartForm(
                  definitionId(),
                  startVariables(inspected.stream().map(Unit::code).toList(), selfReportDeadline));
    } finally {
      identity.clearAuthentication();
    }
    executeJobs(instance.getId());
    return instance;
  }

  private Map<String, Object> startVariables(List<String> codes, LocalDate selfReportDeadline) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.PLAN_ID, String.valueOf(planId));
    variables.put(Variables.UNIT_CODES, String.join(",", codes));
    variables.put(Variables.KIND, "实地督察");
    variables.put(Variables.TOPIC, "行政执法三项制度落实情况");
    variables.put(Variables.GROUP_MEMBERS, "yfzqb1");
    variables.put(Variables.STARTS_ON, today().toString());
    variables.put(Variables.ENDS_ON, today().plusDays(30).toString());
    variables.put(Variables.SELF_REPORT_DEADLINE, selfReportDeadline.toString());
    return variables;
  }

  private String definitionId() {
    return processEngine
        .getRepositoryService()
        .createProcessDefinitionQuery()
        .processDefinitionKey(InspectionProcess.PROCESS_ID)
        .latestVersion()
        .singleResult()
        .getId();
  }

  private Task task(String key, String unitCode) {
    return taskQuery().taskDefinitionKey(key).taskCandidateGroup(unitCode).singleResult();
  }

  private Task opinionTask(String unitCode) {
    return taskQuery().taskDefinitionKey(Elements.RECORD_OPINION).list().stream()
        .filter(
            t -> unitCode.equals(runtime().getVariable(t.getExecutionId(), Variables.UNIT_CODE)))
        .findFirst()
        .orElseThrow();
  }

  private List<Task> tasks(String key) {
    return taskQuery().taskDefinitionKey(key).orderByTaskId().asc().list();
  }

  /**
   * Completes as one of the unit's clerks, then runs the jobs the completion left (multi-instance,
   * timers).
   */
  private void complete(Task task, String unitCode, Map<String, Object> variables) {
    completeAs(task, InspectionFixtures.userOf(identity, unitCode), unitCode, variables);
  }

  private void completeAsOffice(Task task, Map<String, Object> variables) {
    completeAs(task, "yfzqb1", "yfzqb", variables);
  }

  private void completeAs(Task task, String user, String group, Map<String, Object> variables) {
    identity.setAuthentication(user, List.of(group));
    try {
      processEngine.getTaskService().complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
    executeJobs(task.getProcessInstanceId());
  }

  private String status(long inspectionId, String unitCode) {
    return jdbc.queryForObject(
        "select status from inspected_unit where inspection_id = ? and unit_code = ?",
        String.class,
        inspectionId,
        unitCode);
  }

  private String level(String table, long inspectionId) {
    return jdbc.queryForObject(
        "select escalation_level from " + table + " where inspection_id = ?",
        String.class,
        inspectionId);
  }

  private String decide(int daysOverdue) {
    return processEngine
        .getDecisionService()
        .evaluateDecisionByKey(EscalationProcess.DECISION_ID)
        .variables(
            Map.of("daysOverdue", daysOverdue, "earlierEscalations", 0, "milestoneThisYear", false))
        .evaluate()
        .getSingleResult()
        .getEntry("level");
  }

  private Map<String, Integer> inputs(String unitCode, Instant from, Instant to) {
    Map<String, Integer> all = new HashMap<>();
    contributors.forEach(c -> all.putAll(c.inputs(unitCode, from, to)));
    return all;
  }

  private List<String> problems(int year) {
    return problemSources.stream().flatMap(s -> s.problems(year).stream()).toList();
  }

  private List<ConsistencyCheck.Disagreement> disagreements() {
    return consistencyChecks.stream()
        .flatMap(c -> c.disagreements().stream())
        .filter(d -> List.of("inspection", "inspectedUnit", "finding").contains(d.kind()))
        .toList();
  }

  private static String text(byte[] docx) throws Exception {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
        XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
      return extractor.getText();
    }
  }

  private org.camunda.bpm.engine.RuntimeService runtime() {
    return processEngine.getRuntimeService();
  }

  private org.camunda.bpm.engine.FormService formService() {
    return processEngine.getFormService();
  }
}
