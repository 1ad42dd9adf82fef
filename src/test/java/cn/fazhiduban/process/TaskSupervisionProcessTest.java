package cn.fazhiduban.process;

import static cn.fazhiduban.supervision.TaskSupervision.Elements.CONFIRM_ASSIGNMENT;
import static cn.fazhiduban.supervision.TaskSupervision.Elements.OFFICE_CHECK;
import static cn.fazhiduban.supervision.TaskSupervision.Elements.RECTIFY;
import static cn.fazhiduban.supervision.TaskSupervision.Elements.REVIEW_REPORT;
import static cn.fazhiduban.supervision.TaskSupervision.Elements.SUBMIT_REPORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import cn.fazhiduban.calendar.WorkingCalendar;
import cn.fazhiduban.supervision.OfficeCheckRepository;
import cn.fazhiduban.supervision.ProgressReportRepository;
import cn.fazhiduban.supervision.RectificationRepository;
import cn.fazhiduban.supervision.ReviewOpinionRepository;
import cn.fazhiduban.supervision.RoundService;
import cn.fazhiduban.supervision.TaskSupervision;
import cn.fazhiduban.supervision.WorkItem;
import cn.fazhiduban.supervision.WorkItemRepository;
import cn.fazhiduban.supervision.WorkItemStatus;
import cn.fazhiduban.support.ReportForm;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** task-supervision: every path of the model, and the work-item record it keeps. */
@CoverageOf(TaskSupervision.PROCESS_ID)
public class TaskSupervisionProcessTest extends ProcessTestSupport {

  @Autowired WorkItemRepository workItems;

  @Autowired ProgressReportRepository reports;

  @Autowired ReviewOpinionRepository reviews;

  @Autowired OfficeCheckRepository checks;

  @Autowired RectificationRepository rectifications;

  @Autowired WorkingCalendar calendar;

  @Test
  void reportApprovedAndPassed() {
    RoundService.Opened round = openRound(42);
    assertThat(round.workItems()).isEqualTo(1);
    executeJobs(round.processInstanceId());
    ProcessInstance instance = taskInstance(round.id(), 42);
    assertThat(instance).isWaitingAt(SUBMIT_REPORT);
    assertThat(instance)
        .task()
        .hasCandidateGroup("zzrsb")
        .hasDueDate(java.util.Date.from(workItem(round.id(), 42, "zzrsb").getDueAt()));
    assertThat(instance)
        .variables()
        .containsEntry(TaskSupervision.Variables.TASK_NO, 42)
        .containsKey(TaskSupervision.Variables.TASK_TITLE);

    complete(task(instance, SUBMIT_REPORT), ReportForm.filled());
    assertThat(workItem(round.id(), 42, "zzrsb").getStatus()).isEqualTo(WorkItemStatus.REPORTED);
    assertThat(instance).isWaitingAt(REVIEW_REPORT).task().hasCandidateGroup("sfj");

    complete(
        task(instance, REVIEW_REPORT),
        Map.of(TaskSupervision.Variables.REVIEW_DECISION, "approved"));
    assertThat(workItem(round.id(), 42, "zzrsb").getStatus()).isEqualTo(WorkItemStatus.APPROVED);
    executeJobs(instance.getId());
    assertThat(instance).isWaitingAt(OFFICE_CHECK).task().hasCandidateGroup("yfzqb");

    complete(
        task(instance, OFFICE_CHECK), Map.of(TaskSupervision.Variables.CHECK_DECISION, "passed"));
    assertThat(instance)
        .isEnded()
        .hasPassed(TaskSupervision.Elements.CLOSE_TASK, TaskSupervision.Elements.END);
    WorkItem item = workItem(round.id(), 42, "zzrsb");
    assertThat(item.getStatus()).isEqualTo(WorkItemStatus.CLOSED);
    assertThat(item.getReportedAt()).isNotNull();
    assertThat(item.getApprovedAt()).isNotNull();
    assertThat(item.getClosedAt()).isNotNull();
    assertThat(reports.findByWorkItemIdOrderByVersion(item.getId())).hasSize(1);
  }

  @Test
  void returnedReportComesBackWithTheOpinionAndIsReportedAgain() {
    RoundService.Opened round = openRound(73);
    executeJobs(round.processInstanceId());
    ProcessInstance instance = taskInstance(round.id(), 73);
    complete(task(instance, SUBMIT_REPORT), ReportForm.filled());
    // 依法治区办 is task 73's lead unit, so it reviews.
    assertThat(instance).isWaitingAt(REVIEW_REPORT).task().hasCandidateGroup("yfzqb");

    Task review = task(instance, REVIEW_REPORT);
    assertThatThrownBy(
            () -> complete(review, Map.of(TaskSupervision.Variables.REVIEW_DECISION, "returned")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("退回意见");
    complete(
        review,
        Map.of(
            TaskSupervision.Variables.REVIEW_DECISION,
            "returned",
            TaskSupervision.Variables.REVIEW_OPINION,
            "请补充研究成果清单。"));

    assertThat(instance).isWaitingAt(SUBMIT_REPORT);
    Task again = task(instance, SUBMIT_REPORT);
    assertThat(taskService().getVariable(again.getId(), TaskSupervision.Variables.RETURN_OPINION))
        .isEqualTo("请补充研究成果清单。");
    WorkItem item = workItem(round.id(), 73, "dx");
    assertThat(item.getStatus()).isEqualTo(WorkItemStatus.RETURNED);
    assertThat(item.getReturnedAt()).isNotNull();

    Map<String, Object> second = ReportForm.filled();
    second.put(TaskSupervision.Variables.PROGRESS, "补充了研究成果清单。");
    complete(again, second);
    complete(
        task(instance, REVIEW_REPORT),
        Map.of(TaskSupervision.Variables.REVIEW_DECISION, "approved"));
    assertThat(reports.findByWorkItemIdOrderByVersion(item.getId()))
        .extracting("version")
        .containsExactly(1, 2);
    assertThat(reviews.findByWorkItemIdOrderById(item.getId()))
        .extracting("decision")
        .map(Object::toString)
        .containsExactly("RETURNED", "APPROVED");
    executeJobs(instance.getId());
    complete(
        task(instance, OFFICE_CHECK), Map.of(TaskSupervision.Variables.CHECK_DECISION, "passed"));
    assertThat(instance).isEnded();
  }

  @Test
  void rectificationAndRecheck() {
    RoundService.Opened round = openRound(37);
    assertThat(round.workItems()).isEqualTo(3);
    executeJobs(round.processInstanceId());
    ProcessInstance instance = taskInstance(round.id(), 37);
    for (String unit : List.of("zfw", "sfj", "sbj")) {
      complete(taskOf(instance, SUBMIT_REPORT, unit), ReportForm.filled());
    }
    for (int i = 0; i < 3; i++) {
      Task review = task(instance, REVIEW_REPORT);
      assertThat(review).hasCandidateGroup("yjglj");
      complete(review, Map.of(TaskSupervision.Variables.REVIEW_DECISION, "approved"));
    }
    executeJobs(instance.getId());
    Task check = task(instance, OFFICE_CHECK);

    Map<String, Object> rectify = new HashMap<>();
    rectify.put(TaskSupervision.Variables.CHECK_DECISION, "rectify");
    rectify.put(
        TaskSupervision.Variables.RECTIFY_UNITS,
        SpinValues.jsonValue("[\"sfj\", \"sbj\"]").create());
    rectify.put(TaskSupervision.Variables.RECTIFY_REQUIREMENT, "网格员名册不全，请补充。");
    rectify.put(TaskSupervision.Variables.RECTIFY_DEADLINE, today().minusDays(1).toString());
    assertThatThrownBy(() -> complete(check, rectify)).hasMessageContaining("整改期限");
    rectify.put(TaskSupervision.Variables.RECTIFY_DEADLINE, today().plusDays(10).toString());
    rectify.put(
        TaskSupervision.Variables.RECTIFY_UNITS, SpinValues.jsonValue("[\"czj\"]").create());
    assertThatThrownBy(() -> complete(check, rectify)).hasMessageContaining("不是本任务的承办单位");
    rectify.put(
        TaskSupervision.Variables.RECTIFY_UNITS,
        SpinValues.jsonValue("[\"sfj\", \"sbj\"]").create());
    complete(check, rectify);

    assertThat(instance).isWaitingAt(RECTIFY);
    assertThat(taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(RECTIFY).count())
        .isEqualTo(2);
    assertThat(workItem(round.id(), 37, "sfj").getStatus()).isEqualTo(WorkItemStatus.RECTIFYING);
    assertThat(workItem(round.id(), 37, "zfw").getStatus()).isEqualTo(WorkItemStatus.APPROVED);
    assertThat(taskOf(instance, RECTIFY, "sbj").getDueDate()).isNotNull();

    for (String unit : List.of("sfj", "sbj")) {
      complete(
          taskOf(instance, RECTIFY, unit),
          Map.of(
              TaskSupervision.Variables.RECTIFY_MEASURES,
              "逐一核对名册。",
              TaskSupervision.Variables.RECTIFY_RESULT,
              "名册已补齐。"));
      executeJobs(instance.getId());
    }
    assertThat(workItem(round.id(), 37, "sfj").getStatus()).isEqualTo(WorkItemStatus.REPORTED);
    assertThat(rectifications.findByWorkItemIdOrderById(workItem(round.id(), 37, "sbj").getId()))
        .singleElement()
        .satisfies(r -> assertThat(r.getResult()).isEqualTo("名册已补齐。"));

    complete(
        task(instance, OFFICE_CHECK), Map.of(TaskSupervision.Variables.CHECK_DECISION, "passed"));
    assertThat(instance).isEnded();
    assertThat(workItems.findByRoundIdAndTaskNoOrderById(round.id(), 37))
        .extracting(WorkItem::getStatus)
        .containsOnly(WorkItemStatus.CLOSED);
  }

  @Test
  void theOfficeConfirmsUnitsWhereThePlanNamesOnly有关部门() {
    // Task 15: （有关部门按职责分工负责）
    RoundService.Opened round = openRound(15);
    assertThat(round.workItems()).isZero();
    assertThat(round.awaitingAssignment()).containsExactly(15);
    executeJobs(round.processInstanceId());
    ProcessInstance instance = taskInstance(round.id(), 15);
    assertThat(instance).isWaitingAt(CONFIRM_ASSIGNMENT).task().hasCandidateGroup("yfzqb");
    assertThat(instance).variables().containsKey(TaskSupervision.Variables.UNIT_OPTIONS);

    Task confirm = task(instance, CONFIRM_ASSIGNMENT);
    assertThatThrownBy(
            () ->
                complete(
                    confirm,
                    Map.of(
                        "assignedLeadUnits", SpinValues.jsonValue("[]").create(),
                        "assignedResponsibleUnits", SpinValues.jsonValue("[]").create())))
        .hasMessageContaining("责任单位");
    complete(
        confirm,
        Map.of(
            "assignedLeadUnits", SpinValues.jsonValue("[\"sfj\"]").create(),
            "assignedResponsibleUnits", SpinValues.jsonValue("[\"czj\", \"jsj\"]").create()));

    assertThat(workItems.findByRoundIdAndTaskNoOrderById(round.id(), 15))
        .extracting(WorkItem::getUnitCode)
        .containsExactly("czj", "jsj");
    assertThat(
            taskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(SUBMIT_REPORT)
                .count())
        .isEqualTo(2);
    complete(taskOf(instance, SUBMIT_REPORT, "czj"), ReportForm.filled());
    assertThat(task(instance, REVIEW_REPORT)).hasCandidateGroup("sfj");
  }

  @Test
  void aLeadUnitThatAlsoReportsIsNotAskedToReviewItself() {
    // Task 1: 牵头单位 办公室、组织人事部; 责任单位 各直属街道、各单位部门 (which takes in both lead units).
    RoundService.Opened round = openRound(1);
    executeJobs(round.processInstanceId());
    ProcessInstance instance = taskInstance(round.id(), 1);
    assertThat(workItems.findByRoundIdAndTaskNoOrderById(round.id(), 1))
        .extracting(WorkItem::getUnitCode)
        .contains("bgs", "zzrsb", "jddh", "sfj");

    complete(taskOf(instance, SUBMIT_REPORT, "bgs"), ReportForm.filled());
    assertThat(workItem(round.id(), 1, "bgs").getStatus()).isEqualTo(WorkItemStatus.APPROVED);
    assertThat(
            taskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(REVIEW_REPORT)
                .count())
        .isZero();

    complete(taskOf(instance, SUBMIT_REPORT, "sfj"), ReportForm.filled());
    Task review = task(instance, REVIEW_REPORT);
    assertThat(review).hasCandidateGroup("bgs");
    assertThat(review).hasCandidateGroup("zzrsb");
  }

  @Test
  void withoutALeadUnitTheOfficeReviews() {
    // Task 13: （经济运行局、…等有关部门按职责分工负责）
    RoundService.Opened round = openRound(13);
    assertThat(round.workItems()).isEqualTo(6);
    executeJobs(round.processInstanceId());
    ProcessInstance instance = taskInstance(round.id(), 13);
    complete(taskOf(instance, SUBMIT_REPORT, "czj"), ReportForm.filled());
    assertThat(task(instance, REVIEW_REPORT)).hasCandidateGroup("yfzqb");
  }

  @Test
  void aReportWithBadFieldsIsRefusedInChinese() {
    RoundService.Opened round = openRound(42);
    executeJobs(round.processInstanceId());
    Task report = task(taskInstance(round.id(), 42), SUBMIT_REPORT);

    Map<String, Object> noProgress = ReportForm.filled();
    noProgress.remove(TaskSupervision.Variables.PROGRESS);
    assertThatThrownBy(() -> complete(report, noProgress)).hasMessageContaining("请填写工作进展");
    Map<String, Object> tooLong = ReportForm.filled();
    tooLong.put(TaskSupervision.Variables.PROGRESS, "进".repeat(2001));
    assertThatThrownBy(() -> complete(report, tooLong)).hasMessageContaining("2000");
    Map<String, Object> percent = ReportForm.filled();
    percent.put(TaskSupervision.Variables.PERCENT, 101);
    assertThatThrownBy(() -> complete(report, percent)).hasMessageContaining("0–100");
    Map<String, Object> phone = ReportForm.filled();
    phone.put(TaskSupervision.Variables.PHONE, "12345");
    assertThatThrownBy(() -> complete(report, phone))
        .hasMessageContaining("联系电话")
        .hasMessageContaining("手机号");
    Map<String, Object> file = ReportForm.filled();
    file.put("evidence1", Variables.fileValue("run.exe").file(new byte[] {1, 2}).create());
    assertThatThrownBy(() -> complete(report, file)).hasMessageContaining("类型不支持");

    assertThat(workItem(round.id(), 42, "zzrsb").getStatus()).isEqualTo(WorkItemStatus.ASSIGNED);
    assertThat(reports.findByWorkItemIdOrderByVersion(workItem(round.id(), 42, "zzrsb").getId()))
        .isEmpty();

    Map<String, Object> good = ReportForm.filled();
    good.put("evidence1", Variables.fileValue("台账.xlsx").file(new byte[] {1, 2, 3}).create());
    complete(report, good);
    assertThat(reports.findByWorkItemIdOrderByVersion(workItem(round.id(), 42, "zzrsb").getId()))
        .singleElement()
        .satisfies(r -> assertThat(r.getEvidence()).isEqualTo("台账.xlsx"));
  }

  @Test
  void reportAndRectificationCarryAReminderAndAnOverdueTimer() {
    LocalDate start = LocalDate.of(2026, 3, 2);
    startClockAt(start);
    LocalDate due = calendar.plusWorkingDays(start, 10);
    RoundService.Opened round =
        rounds.open(
            new RoundService.OpenRound(
                seedPlanId(),
                "计时测试",
                due.atTime(18, 0).atZone(BEIJING).toOffsetDateTime(),
                List.of(42)),
            "yfzqb1");
    executeJobs(round.processInstanceId());
    ProcessInstance instance = taskInstance(round.id(), 42);

    moveTo(calendar.minusWorkingDays(due, 3), instance.getId());
    assertThat(instance).hasPassed(TaskSupervision.Elements.REMIND_REPORT);
    assertThat(workItem(round.id(), 42, "zzrsb").getEscalationLevel()).isEqualTo("提醒");
    moveTo(due, instance.getId());
    assertThat(instance).hasPassed(TaskSupervision.Elements.EVALUATE_REPORT_ESCALATION);
    assertThat(workItem(round.id(), 42, "zzrsb").getEscalationLevel()).isEqualTo("警示");

    complete(task(instance, SUBMIT_REPORT), ReportForm.filled());
    assertThat(workItem(round.id(), 42, "zzrsb").getEscalationLevel()).as("报送即结束升级").isNull();
    complete(
        task(instance, REVIEW_REPORT),
        Map.of(TaskSupervision.Variables.REVIEW_DECISION, "approved"));
    executeJobs(instance.getId());
    LocalDate deadline = calendar.plusWorkingDays(today(), 6);
    Map<String, Object> rectify = new HashMap<>();
    rectify.put(TaskSupervision.Variables.CHECK_DECISION, "rectify");
    rectify.put(
        TaskSupervision.Variables.RECTIFY_UNITS, SpinValues.jsonValue("[\"zzrsb\"]").create());
    rectify.put(TaskSupervision.Variables.RECTIFY_REQUIREMENT, "补充行政复议委员会组成文件。");
    rectify.put(TaskSupervision.Variables.RECTIFY_DEADLINE, deadline.toString());
    complete(task(instance, OFFICE_CHECK), rectify);

    moveTo(calendar.minusWorkingDays(deadline, 3), instance.getId());
    assertThat(instance).hasPassed(TaskSupervision.Elements.REMIND_RECTIFICATION);
    moveTo(calendar.plusWorkingDays(deadline, 1), instance.getId());
    assertThat(instance).hasPassed(TaskSupervision.Elements.EVALUATE_RECTIFICATION_ESCALATION);
    assertThat(workItem(round.id(), 42, "zzrsb").getEscalationLevel()).isEqualTo("警示");

    complete(
        task(instance, RECTIFY),
        Map.of(
            TaskSupervision.Variables.RECTIFY_MEASURES,
            "已补充。",
            TaskSupervision.Variables.RECTIFY_RESULT,
            "文件齐全。"));
    executeJobs(instance.getId());
    assertThat(workItem(round.id(), 42, "zzrsb").getEscalationLevel()).isNull();
  }

  private static void complete(Task task, Map<String, Object> variables) {
    taskService().complete(task.getId(), variables);
  }

  private static Task task(ProcessInstance instance, String key) {
    List<Task> tasks =
        taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).list();
    assertThat(tasks).as(key).isNotEmpty();
    return tasks.get(0);
  }

  private static Task taskOf(ProcessInstance instance, String key, String group) {
    return taskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey(key)
        .taskCandidateGroup(group)
        .singleResult();
  }

  private WorkItem workItem(long roundId, int taskNo, String unit) {
    return workItems.findByRoundIdAndTaskNoAndUnitCode(roundId, taskNo, unit).orElseThrow();
  }
}
