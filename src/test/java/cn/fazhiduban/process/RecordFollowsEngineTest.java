package cn.fazhiduban.process;

import static cn.fazhiduban.process.CoreFixture.CLERK;
import static cn.fazhiduban.process.CoreFixture.LEAD;
import static cn.fazhiduban.process.CoreFixture.OTHER;
import static cn.fazhiduban.process.CoreFixture.REVIEWED_TASK;
import static cn.fazhiduban.supervision.TaskSupervision.Elements.OFFICE_CHECK;
import static cn.fazhiduban.supervision.TaskSupervision.Elements.REVIEW_REPORT;
import static cn.fazhiduban.supervision.TaskSupervision.Elements.SUBMIT_REPORT;
import static cn.fazhiduban.supervision.TaskSupervision.Elements.UNIT_REPORTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import cn.fazhiduban.engine.ConsistencyCheckProcess;
import cn.fazhiduban.engine.ConsistencyChecks;
import cn.fazhiduban.escalation.Escalation;
import cn.fazhiduban.escalation.EscalationLevel;
import cn.fazhiduban.escalation.EscalationNotice;
import cn.fazhiduban.escalation.EscalationNoticeRepository;
import cn.fazhiduban.escalation.EscalationNotices;
import cn.fazhiduban.escalation.EscalationRepository;
import cn.fazhiduban.plan.PlanImportService;
import cn.fazhiduban.security.AuthorizationSetup;
import cn.fazhiduban.supervision.OfficeCheckRepository;
import cn.fazhiduban.supervision.RoundService;
import cn.fazhiduban.supervision.RoundTaskRepository;
import cn.fazhiduban.supervision.SupervisionEvents.ItemOverdue;
import cn.fazhiduban.supervision.SupervisionProperties;
import cn.fazhiduban.supervision.TaskSupervision;
import cn.fazhiduban.supervision.TaskSupervision.Variables;
import cn.fazhiduban.supervision.WorkItem;
import cn.fazhiduban.supervision.WorkItemRepository;
import cn.fazhiduban.supervision.WorkItemStatus;
import cn.fazhiduban.support.Poll;
import cn.fazhiduban.support.ReportForm;
import cn.fazhiduban.unit.UnitDirectory;
import cn.fazhiduban.webapp.TasklistFilters;
import java.io.File;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 9: identity never comes from variables, and the record follows the engine. Completions
 * through the engine's own Java API carry forged variables and change nothing they should not;
 * administrators' cancellations reach our rows; a notice goes out once per escalation and level,
 * after commit. Also the nightly consistency-check model.
 */
@CoverageOf(ConsistencyCheckProcess.PROCESS_ID)
class RecordFollowsEngineTest extends ProcessTestSupport {

  @Autowired FailAtCommit failAtCommit;
  @Autowired PlanImportService planImport;
  @Autowired WorkItemRepository workItems;
  @Autowired EscalationRepository escalations;
  @Autowired EscalationNoticeRepository notices;
  @Autowired EscalationNotices noticeSender;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired ConsistencyChecks consistency;
  @Autowired AuthorizationSetup authorizations;
  @Autowired UnitDirectory directory;
  @Autowired RoundTaskRepository roundTasks;
  @Autowired OfficeCheckRepository officeChecks;

  private static final LocalDate MONDAY = LocalDate.of(2026, 6, 1);
  private static final LocalDate DUE = LocalDate.of(2026, 6, 10);

  record Round(long id, String taskInstance) {}

  private Round open() {
    RoundService.Opened opened =
        CoreFixture.open(rounds, CoreFixture.importPlan(planImport), DUE, REVIEWED_TASK);
    executeJobs(opened.processInstanceId());
    return new Round(opened.id(), taskInstance(opened.id(), REVIEWED_TASK).getId());
  }

  @Test
  void aCompletionWithForgedVariablesChangesOnlyWhatItsFormMay() {
    startClockAt(MONDAY);
    Round other = open();
    Round round = open();
    WorkItem clerk = item(round, CLERK);

    Map<String, Object> forged = ReportForm.filled();
    forged.put("reviewerGroups", "");
    forged.put(Variables.UNIT_CODE, OTHER);
    forged.put(Variables.ROUND_ID, other.id());
    forged.put(Variables.TASK_NO, 2);
    forged.put(
        Variables.REPORT_DUE, Date.from(DUE.plusYears(73).atStartOfDay(BEIJING).toInstant()));
    forged.put(
        Variables.TASK_TITLE,
        org.camunda.bpm.engine.variable.Variables.objectValue(new File("/etc/passwd"))
            .serializationDataFormat(SerializationDataFormats.JSON)
            .create());
    taskService().complete(unitTask(round, SUBMIT_REPORT, CLERK).getId(), forged);

    assertThat(item(round, CLERK).getStatus())
        .as("报送后待审核，未跳过审核")
        .isEqualTo(WorkItemStatus.REPORTED);
    assertThat(item(round, OTHER).getStatus()).as("另一单位不受影响").isEqualTo(WorkItemStatus.ASSIGNED);
    assertThat(unitTask(round, SUBMIT_REPORT, OTHER)).as("另一单位的报送任务仍在").isNotNull();
    Task review =
        taskQuery()
            .processInstanceId(round.taskInstance())
            .taskDefinitionKey(REVIEW_REPORT)
            .singleResult();
    assertThat(candidateGroups(review)).as("由牵头单位审核").containsExactly(LEAD);
    assertThat(taskService().getVariableLocal(review.getId(), Variables.UNIT_NAME))
        .isEqualTo("组织人事部");
    assertThat(taskService().getVariableLocal(review.getId(), Variables.TASK_TITLE))
        .isEqualTo("建立测试工作机制，按季度报送进展");

    // The other unit completes normally; the forged Object value breaks nobody's completion.
    taskService().complete(unitTask(round, SUBMIT_REPORT, OTHER).getId(), ReportForm.filled());
    assertThat(item(round, OTHER).getStatus()).isEqualTo(WorkItemStatus.REPORTED);

    // Returned: the clerk's next report task is its own again, due when the work item is, not in
    // 2099.
    taskService()
        .complete(
            review.getId(),
            Map.of(
                Variables.REVIEW_DECISION, Variables.RETURNED, Variables.REVIEW_OPINION, "请补充材料。"));
    Task again = unitTask(round, SUBMIT_REPORT, CLERK);
    assertThat(candidateGroups(again)).containsExactly(CLERK);
    assertThat(again.getDueDate()).isEqualTo(Date.from(clerk.getDueAt()));
    assertThat(
            managementService()
                .createJobQuery()
                .processInstanceId(round.taskInstance())
                .timers()
                .list())
        .extracting(Job::getDuedate)
        .allSatisfy(due -> assertThat(due).isBeforeOrEqualTo(Date.from(clerk.getDueAt())));

    // A clerk naming itself as reviewer still goes to the lead unit.
    Map<String, Object> selfReview = ReportForm.filled();
    selfReview.put("reviewerGroups", CLERK);
    taskService().complete(again.getId(), selfReview);
    for (Task task :
        taskQuery()
            .processInstanceId(round.taskInstance())
            .taskDefinitionKey(REVIEW_REPORT)
            .list()) {
      assertThat(candidateGroups(task)).containsExactly(LEAD);
      taskService().complete(task.getId(), Map.of(Variables.REVIEW_DECISION, Variables.APPROVED));
    }
    executeJobs(round.taskInstance());
    Task check =
        taskQuery()
            .processInstanceId(round.taskInstance())
            .taskDefinitionKey(OFFICE_CHECK)
            .singleResult();
    taskService().complete(check.getId(), Map.of(Variables.CHECK_DECISION, Variables.PASSED));

    assertThat(
            runtimeService()
                .createProcessInstanceQuery()
                .processInstanceId(round.taskInstance())
                .count())
        .isZero();
    assertThat(List.of(item(round, CLERK).getStatus(), item(round, OTHER).getStatus()))
        .containsOnly(WorkItemStatus.CLOSED);
    assertThat(List.of(item(other, CLERK).getStatus(), item(other, OTHER).getStatus()))
        .as("the round named by the forged roundId is untouched")
        .containsOnly(WorkItemStatus.ASSIGNED);
    assertThat(consistency.disagreements()).isEmpty();
  }

  @Test
  void aDelegateThatFailsAfterWritingOurRowsRollsThemBackWithTheEngine() throws Exception {
    startClockAt(MONDAY);
    Round round = open();
    for (String unit : List.of(CLERK, OTHER)) {
      taskService().complete(unitTask(round, SUBMIT_REPORT, unit).getId(), ReportForm.filled());
      taskService()
          .complete(
              unitTask(round, REVIEW_REPORT, LEAD).getId(),
              Map.of(Variables.REVIEW_DECISION, Variables.APPROVED));
    }
    executeJobs(round.taskInstance());
    // ServiceTask_CloseTask closes the work items and writes the office's check, then fails.
    doAnswer(
            invocation -> {
              invocation.callRealMethod();
              throw new IllegalStateException("模拟故障：办结时数据库连接中断");
            })
        .when(closeTaskDelegate)
        .execute(any());
    Task check =
        taskQuery()
            .processInstanceId(round.taskInstance())
            .taskDefinitionKey(OFFICE_CHECK)
            .singleResult();

    assertThatThrownBy(
            () ->
                taskService()
                    .complete(check.getId(), Map.of(Variables.CHECK_DECISION, Variables.PASSED)))
        .hasMessageContaining("模拟故障");

    assertThat(taskQuery().taskId(check.getId()).count()).as("检查任务仍在").isOne();
    assertThat(
            runtimeService()
                .createProcessInstanceQuery()
                .processInstanceId(round.taskInstance())
                .count())
        .as("任务督办实例仍在")
        .isOne();
    for (String unit : List.of(CLERK, OTHER)) {
      WorkItem item = item(round, unit);
      assertThat(item.getStatus()).as(unit).isEqualTo(WorkItemStatus.APPROVED);
      assertThat(item.getClosedAt()).as(unit).isNull();
    }
    long roundTaskId =
        roundTasks.findByRoundIdAndTaskNo(round.id(), REVIEWED_TASK).orElseThrow().getId();
    assertThat(officeChecks.findByRoundTaskIdOrderById(roundTaskId)).as("检查记录未留下").isEmpty();
    assertThat(consistency.disagreements()).isEmpty();
  }

  @Test
  void cancellationsByAnAdministratorReachWorkItemsAndEscalations() {
    startClockAt(MONDAY);
    Round round = open();
    moveTo(DUE.plusDays(9), round.taskInstance()); // 6 working days overdue: 挂牌督办 for both units
    Escalation clerkEscalation = openEscalation(item(round, CLERK));
    Escalation otherEscalation = openEscalation(item(round, OTHER));
    assertThat(otherEscalation.getLevel()).isEqualTo(EscalationLevel.SUPERVISED);
    assertThat(consistency.disagreements()).isEmpty();

    // Process-instance modification cancels 财政局's report sub-process.
    String otherScope = item(round, OTHER).getScopeActivityInstanceId();
    ActivityInstance tree = runtimeService().getActivityInstance(round.taskInstance());
    assertThat(List.of(tree.getActivityInstances(UNIT_REPORTS)))
        .extracting(ActivityInstance::getId)
        .contains(otherScope);
    runtimeService()
        .createProcessInstanceModification(round.taskInstance())
        .cancelActivityInstance(otherScope)
        .execute(true, true);

    assertThat(item(round, OTHER).getStatus()).isEqualTo(WorkItemStatus.CANCELLED);
    Escalation closed = escalations.findById(otherEscalation.getId()).orElseThrow();
    assertThat(closed.getStatus()).isEqualTo(Escalation.Status.CLOSED);
    assertThat(closed.getClosedBy()).isEqualTo(Escalation.ClosedBy.CANCELLED);
    assertThat(
            runtimeService()
                .createProcessInstanceQuery()
                .processInstanceId(otherEscalation.getProcessInstanceId())
                .count())
        .as("督办流程随之结束")
        .isZero();
    assertThat(item(round, CLERK).getStatus()).isEqualTo(WorkItemStatus.ASSIGNED);

    // Cockpit's delete, skipping custom listeners.
    runtimeService().deleteProcessInstance(round.taskInstance(), "管理员撤销：任务已调整", true);

    assertThat(item(round, CLERK).getStatus()).isEqualTo(WorkItemStatus.CANCELLED);
    assertThat(item(round, CLERK).getCancelReason()).contains("任务已调整");
    Escalation clerkClosed = escalations.findById(clerkEscalation.getId()).orElseThrow();
    assertThat(clerkClosed.getClosedBy()).isEqualTo(Escalation.ClosedBy.CANCELLED);
    assertThat(clerkClosed.getCloseReason()).contains("任务已调整");
    assertThat(consistency.disagreements()).isEmpty();
  }

  @Test
  void deletingAnEscalationInstanceClosesItsEscalation() {
    startClockAt(MONDAY);
    Round round = open();
    moveTo(DUE.plusDays(9), round.taskInstance());
    Escalation escalation = openEscalation(item(round, CLERK));

    runtimeService().deleteProcessInstance(escalation.getProcessInstanceId(), "误升级", true);

    Escalation closed = escalations.findById(escalation.getId()).orElseThrow();
    assertThat(closed.getClosedBy()).isEqualTo(Escalation.ClosedBy.CANCELLED);
    assertThat(closed.getCloseReason()).isEqualTo("误升级");
    assertThat(item(round, CLERK).getEscalationLevel()).isNull();
    // Tidy up for the consistency check after the class: the office ends the round's task.
    runtimeService().deleteProcessInstance(round.taskInstance(), "测试结束");
    assertThat(consistency.disagreements()).isEmpty();
  }

  @Test
  void aTimerRetriedAfterARollbackNotifiesOncePerLevel() {
    startClockAt(MONDAY);
    Round round = open();
    moveTo(
        LocalDate.of(2026, 6, 5), round.taskInstance()); // 3 working days before the due date: 提醒
    assertThat(noticesOf(item(round, CLERK)))
        .extracting(EscalationNotice::getLevel)
        .containsExactly(EscalationLevel.REMINDER);

    ClockUtil.setCurrentTime(Date.from(DUE.atTime(19, 0).atZone(BEIJING).toInstant()));
    List<Job> overdue =
        managementService()
            .createJobQuery()
            .processInstanceId(round.taskInstance())
            .activityId(TaskSupervision.Elements.REPORT_OVERDUE)
            .list();
    assertThat(overdue).hasSize(2);
    failAtCommit.failNext(ItemOverdue.class);
    assertThatThrownBy(() -> managementService().executeJob(overdue.get(0).getId()))
        .hasStackTraceContaining("模拟故障");
    for (String unit : List.of(CLERK, OTHER)) {
      assertThat(noticesOf(item(round, unit)))
          .as("回滚后没有新的通知")
          .extracting(EscalationNotice::getLevel)
          .containsExactly(EscalationLevel.REMINDER);
      assertThat(item(round, unit).getEscalationLevel())
          .isEqualTo(EscalationLevel.REMINDER.label());
    }

    managementService().executeJob(overdue.get(0).getId()); // the retry
    managementService().executeJob(overdue.get(1).getId());
    moveTo(
        DUE.plusDays(1),
        round.taskInstance()); // the next day's evaluation: still 警示, no second notice
    for (String unit : List.of(CLERK, OTHER)) {
      assertThat(noticesOf(item(round, unit)))
          .extracting(EscalationNotice::getLevel)
          .containsExactly(EscalationLevel.REMINDER, EscalationLevel.WARNING);
      // sent after the commit, on the notice sender's thread
      Poll.until(
          "督办通知已发送",
          Duration.ofSeconds(30),
          () ->
              noticesOf(item(round, unit)).stream().allMatch(notice -> notice.getSentAt() != null)
                  ? Optional.of(true)
                  : Optional.empty());
    }
    runtimeService().deleteProcessInstance(round.taskInstance(), "测试结束");
  }

  @Test
  void aNoticeWhoseNodeDiedBeforeSendingGoesOutWithALaterSweepOnce() {
    startClockAt(MONDAY);
    Round round = open();
    moveTo(LocalDate.of(2026, 6, 5), round.taskInstance()); // 提醒
    long id = noticesOf(item(round, CLERK)).get(0).getId();
    Poll.until(
        "督办通知已发送",
        Duration.ofSeconds(30),
        () ->
            notices.findById(id).orElseThrow().getSentAt() != null
                ? Optional.of(true)
                : Optional.empty());
    // as if its node had died between the commit and the sending: owed, never sent
    jdbc.update("update escalation_notice set sent_at = null where id = ?", id);

    assertThat(noticeSender.sendOverdue()).as("不足 5 分钟，还不算丢失").isZero();
    ClockUtil.setCurrentTime(
        Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(6))));
    assertThat(noticeSender.sendOverdue()).isEqualTo(1);
    assertThat(notices.findById(id).orElseThrow().getSentAt()).isNotNull();
    assertThat(noticeSender.sendOverdue()).as("只补发一次").isZero();
    runtimeService().deleteProcessInstance(round.taskInstance(), "测试结束");
  }

  @Test
  void theNightlyCheckRunsAsATimerJobOfTheEngine() {
    Job nightly =
        managementService()
            .createJobQuery()
            .processDefinitionKey(ConsistencyCheckProcess.PROCESS_ID)
            .timers()
            .singleResult();
    assertThat(nightly).as("一个定时启动作业，集群中只有一个节点执行").isNotNull();
    assertThat(nightly.getDuedate().toInstant().atZone(BEIJING).getHour()).isEqualTo(2);

    managementService().executeJob(nightly.getId());

    assertThat(
            historyService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(ConsistencyCheckProcess.PROCESS_ID)
                .finished()
                .count())
        .isOne();
    assertThat(
            historyService()
                .createHistoricActivityInstanceQuery()
                .activityId(ConsistencyCheckProcess.Elements.END)
                .finished()
                .count())
        .isOne();
  }

  @Test
  void theSharedDueSoonFilterFollowsTheWarningWindowOnTheNextStart() {
    new TasklistFilters(
            processEngine.getFilterService(),
            taskService(),
            authorizations,
            directory,
            new SupervisionProperties(7, 3))
        .run();
    Filter dueSoon =
        processEngine
            .getFilterService()
            .createFilterQuery()
            .filterName(TasklistFilters.DUE_SOON)
            .singleResult();
    assertThat(((TaskQueryImpl) dueSoon.getQuery()).getExpressions().values())
        .anyMatch(e -> e.contains("plusDays(7)"));
    assertThat(dueSoon.getProperties().get("description")).isEqualTo("7 天内到期的待办");
    assertThat(
            processEngine
                .getFilterService()
                .createFilterQuery()
                .filterName(TasklistFilters.DUE_SOON)
                .count())
        .as("updated, not duplicated")
        .isOne();

    new TasklistFilters(
            processEngine.getFilterService(),
            taskService(),
            authorizations,
            directory,
            new SupervisionProperties(3, 3))
        .run();
  }

  private List<EscalationNotice> noticesOf(WorkItem item) {
    return escalations.findByWorkItemIdOrderById(item.getId()).stream()
        .flatMap(e -> notices.findByEscalationIdOrderById(e.getId()).stream())
        .toList();
  }

  private WorkItem item(Round round, String unit) {
    return workItems
        .findByRoundIdAndTaskNoAndUnitCode(round.id(), REVIEWED_TASK, unit)
        .orElseThrow();
  }

  private Escalation openEscalation(WorkItem item) {
    return escalations
        .findFirstByWorkItemIdAndStatus(item.getId(), Escalation.Status.OPEN)
        .orElseThrow();
  }

  private static Task unitTask(Round round, String key, String unit) {
    return taskQuery()
        .processInstanceId(round.taskInstance())
        .taskDefinitionKey(key)
        .taskCandidateGroup(unit)
        .singleResult();
  }

  private static List<String> candidateGroups(Task task) {
    return taskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .toList();
  }
}
