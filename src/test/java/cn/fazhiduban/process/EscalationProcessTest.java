package cn.fazhiduban.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import cn.fazhiduban.calendar.WorkingCalendar;
import cn.fazhiduban.escalation.Escalation;
import cn.fazhiduban.escalation.EscalationActionRepository;
import cn.fazhiduban.escalation.EscalationLevel;
import cn.fazhiduban.escalation.EscalationProcess;
import cn.fazhiduban.escalation.EscalationRepository;
import cn.fazhiduban.escalation.EscalationService;
import cn.fazhiduban.supervision.RoundService;
import cn.fazhiduban.supervision.RoundService.OpenRound;
import cn.fazhiduban.supervision.TaskSupervision;
import cn.fazhiduban.supervision.WorkItem;
import cn.fazhiduban.supervision.WorkItemRepository;
import cn.fazhiduban.support.ReportForm;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The escalation ladder with the engine clock moved day by day: the timers on the report task, the
 * decision table, the escalation instance with its work for 依法治区办, and both ways an escalation
 * ends, in every state.
 */
@CoverageOf(EscalationProcess.PROCESS_ID)
class EscalationProcessTest extends ProcessTestSupport {

  /** A Monday in an ordinary week, so the counts below are easy to follow. */
  private static final LocalDate START = LocalDate.of(2026, 3, 2);

  @Autowired WorkItemRepository workItems;
  @Autowired EscalationRepository escalations;
  @Autowired EscalationActionRepository actions;
  @Autowired EscalationService escalationService;
  @Autowired WorkingCalendar calendar;

  @BeforeEach
  void startOfTheStory() {
    startClockAt(START);
  }

  @Test
  void theLadderClimbsDayByDayAndEndsWhenTheUnitReports() {
    LocalDate due = calendar.plusWorkingDays(START, 10);
    Round round = open(42, due);
    WorkItem item = item(round, "zzrsb");

    // 提醒: three working days before the due date.
    moveTo(calendar.minusWorkingDays(due, 3), round);
    assertThat(open(item)).extracting(Escalation::getLevel).isEqualTo(EscalationLevel.REMINDER);

    // 警示 at the due date.
    moveTo(due, round);
    assertThat(open(item).getLevel()).isEqualTo(EscalationLevel.WARNING);
    assertThat(workItems.findById(item.getId()).orElseThrow().getEscalationLevel()).isEqualTo("警示");

    // 挂牌督办 after five working days overdue: an escalation instance gives the office a 督办通知书 to
    // issue.
    moveTo(calendar.plusWorkingDays(due, 4), round);
    assertThat(open(item).getLevel()).isEqualTo(EscalationLevel.WARNING);
    moveTo(calendar.plusWorkingDays(due, 5), round);
    Escalation supervised = open(item);
    assertThat(supervised.getLevel()).isEqualTo(EscalationLevel.SUPERVISED);
    assertThat(supervised.getDaysOverdue()).isEqualTo(5);
    ProcessInstance escalation = escalationInstance(round);
    assertThat(escalation)
        .isWaitingAt(EscalationProcess.Elements.ISSUE_NOTICE)
        .task()
        .hasCandidateGroup("yfzqb");
    complete(
        escalation,
        EscalationProcess.Elements.ISSUE_NOTICE,
        Map.of(
            "noticeText",
            "请于期限内报送工作进展。",
            EscalationProcess.Variables.NOTICE_DEADLINE,
            today().plusDays(3).toString(),
            "noticeCopyTo",
            "司法局"));
    assertThat(actions.findByWorkItemIdOrderById(item.getId()))
        .extracting("kind")
        .map(Object::toString)
        .containsExactly("NOTICE");

    // 通报 after ten, 约谈 after twenty: the office holds the interview and records it.
    moveTo(calendar.plusWorkingDays(due, 10), round);
    assertThat(open(item).getLevel()).isEqualTo(EscalationLevel.NOTICE);
    assertThat(
            runtimeService().getVariable(escalation.getId(), EscalationProcess.Variables.DMN_LEVEL))
        .isEqualTo("通报");
    moveTo(calendar.plusWorkingDays(due, 20), round);
    assertThat(open(item).getLevel()).isEqualTo(EscalationLevel.INTERVIEW);
    assertThat(escalation).isWaitingAt(EscalationProcess.Elements.HOLD_INTERVIEW);
    complete(
        escalation,
        EscalationProcess.Elements.HOLD_INTERVIEW,
        Map.of(
            EscalationProcess.Variables.INTERVIEW_DATE,
            today().toString(),
            "interviewAttendees",
            "组织人事部主要负责人",
            "interviewMinutes",
            "说明逾期原因，承诺三日内报送。"));
    assertThat(escalation).isWaitingAt(EscalationProcess.Elements.FOLLOW);
    moveTo(calendar.plusWorkingDays(due, 21), round);
    assertThat(
            taskQuery()
                .processInstanceId(escalation.getId())
                .taskDefinitionKey(EscalationProcess.Elements.HOLD_INTERVIEW)
                .count())
        .as("约谈只安排一次")
        .isZero();
    assertThat(escalation).isWaitingAt(EscalationProcess.Elements.FOLLOW);

    // Each level closed the one below; every row but the last is closed as RAISED.
    assertThat(escalations.findByWorkItemIdOrderById(item.getId()))
        .extracting(Escalation::getLevel)
        .containsExactly(EscalationLevel.values());

    // The clerk reports: the escalation ends by itself.
    submitReport(round, "zzrsb");
    assertThat(escalation).isEnded().hasPassed(EscalationProcess.Elements.END_RESOLVED_BY_UNIT);
    assertThat(escalations.findFirstByWorkItemIdAndStatus(item.getId(), Escalation.Status.OPEN))
        .isEmpty();
    assertThat(escalations.findByWorkItemIdOrderById(item.getId()))
        .last()
        .satisfies(e -> assertThat(e.getClosedBy()).isEqualTo(Escalation.ClosedBy.WORK_DONE));
    assertThat(workItems.findById(item.getId()).orElseThrow().getEscalationLevel()).isNull();
  }

  @Test
  void theOfficeClosesAnEscalationWhileTheNoticeIsOpen() {
    LocalDate due = calendar.plusWorkingDays(START, 2);
    Round round = open(42, due);
    WorkItem item = item(round, "zzrsb");
    moveTo(calendar.plusWorkingDays(due, 6), round);
    ProcessInstance escalation = escalationInstance(round);
    assertThat(escalation).isWaitingAt(EscalationProcess.Elements.ISSUE_NOTICE);

    escalationService.closeByOffice(open(item).getId(), "该单位已书面说明原因，经研究不再督办。", "yfzqb1");
    assertThat(escalation).isEnded().hasPassed(EscalationProcess.Elements.END_CLOSED_BY_OFFICE);
    // The office settled this episode: the next working day does not open it again.
    moveTo(calendar.plusWorkingDays(due, 7), round);
    assertThat(escalations.findFirstByWorkItemIdAndStatus(item.getId(), Escalation.Status.OPEN))
        .isEmpty();
  }

  @Test
  void theUnitReportsWhileTheNoticeIsOpen() {
    LocalDate due = calendar.plusWorkingDays(START, 2);
    Round round = open(42, due);
    moveTo(calendar.plusWorkingDays(due, 6), round);
    ProcessInstance escalation = escalationInstance(round);
    submitReport(round, "zzrsb");
    assertThat(escalation).isEnded().hasPassed(EscalationProcess.Elements.END_RESOLVED_BY_UNIT);
  }

  @Test
  void theOfficeClosesAnEscalationAfterTheNoticeWasIssued() {
    LocalDate due = calendar.plusWorkingDays(START, 2);
    Round round = open(42, due);
    WorkItem item = item(round, "zzrsb");
    moveTo(calendar.plusWorkingDays(due, 6), round);
    ProcessInstance escalation = escalationInstance(round);
    complete(
        escalation,
        EscalationProcess.Elements.ISSUE_NOTICE,
        Map.of(
            "noticeText",
            "请报送。",
            EscalationProcess.Variables.NOTICE_DEADLINE,
            today().plusDays(1).toString()));
    escalationService.closeByOffice(open(item).getId(), "任务调整，本轮不再考核。", "yfzqb1");
    assertThat(escalation).isEnded().hasPassed(EscalationProcess.Elements.END_CLOSED_BY_OFFICE);
  }

  @Test
  void theOfficeClosesAnEscalationFromTasklistWithAReason() {
    LocalDate due = calendar.plusWorkingDays(START, 2);
    Round round = open(42, due);
    WorkItem item = item(round, "zzrsb");
    moveTo(calendar.plusWorkingDays(due, 6), round);
    ProcessInstance escalation = escalationInstance(round);
    assertThat(runtimeService().getVariables(escalation.getId()))
        .containsEntry("taskNo", 42)
        .containsEntry("unitCode", "zzrsb")
        .containsEntry("level", "挂牌督办")
        .containsEntry(
            "dueAtText",
            due.getYear()
                + "年"
                + due.getMonthValue()
                + "月"
                + due.getDayOfMonth()
                + "日 18:00（北京时间）");
    complete(
        escalation,
        EscalationProcess.Elements.ISSUE_NOTICE,
        Map.of("noticeText", "请报送。", "noticeDeadline", today().plusDays(1).toString()));
    assertThat(escalation)
        .isWaitingAt(EscalationProcess.Elements.FOLLOW)
        .task()
        .hasCandidateGroup("yfzqb");

    // no reason, no closing: the task stays open and the escalation with it
    String follow = taskQuery().processInstanceId(escalation.getId()).singleResult().getId();
    assertThatThrownBy(() -> taskService().complete(follow, Map.of("closeReason", "  ")))
        .hasMessageContaining("请填写关闭原因");
    assertThat(escalation).isWaitingAt(EscalationProcess.Elements.FOLLOW);
    assertThat(open(item).getLevel()).isEqualTo(EscalationLevel.SUPERVISED);

    taskService().complete(follow, Map.of("closeReason", "该单位已书面说明原因，经研究不再督办。"));
    assertThat(escalation).isEnded().hasPassed(EscalationProcess.Elements.END_CLOSED_BY_OFFICE);
    Escalation closed =
        escalations.findByWorkItemIdOrderById(item.getId()).stream()
            .filter(e -> e.getClosedBy() == Escalation.ClosedBy.OFFICE)
            .findFirst()
            .orElseThrow();
    assertThat(closed.getCloseReason()).isEqualTo("该单位已书面说明原因，经研究不再督办。");
    assertThat(workItems.findById(item.getId()).orElseThrow().getEscalationLevel()).isNull();
    // settled like a close through the API: the next working day does not open it again
    moveTo(calendar.plusWorkingDays(due, 7), round);
    assertThat(escalations.findFirstByWorkItemIdAndStatus(item.getId(), Escalation.Status.OPEN))
        .isEmpty();
  }

  @Test
  void twentyDaysLateGoesStraightTo约谈AndEndsEitherWayDuringTheInterview() {
    LocalDate due = calendar.plusWorkingDays(START, 1);
    Round round = open(37, due);
    WorkItem justice = item(round, "sfj");
    WorkItem socialSecurity = item(round, "sbj");
    moveTo(calendar.plusWorkingDays(due, 22), round);
    assertThat(open(justice).getLevel()).isEqualTo(EscalationLevel.INTERVIEW);
    for (String unit : List.of("sfj", "sbj")) {
      ProcessInstance escalation = escalationInstance(round.id, 37, unit);
      complete(
          escalation,
          EscalationProcess.Elements.ISSUE_NOTICE,
          Map.of(
              "noticeText",
              "请立即报送。",
              EscalationProcess.Variables.NOTICE_DEADLINE,
              today().toString()));
    }
    // The interview is asked for at the next evaluation, once the notice is out.
    moveTo(calendar.plusWorkingDays(due, 23), round);
    ProcessInstance justiceEscalation = escalationInstance(round.id, 37, "sfj");
    ProcessInstance socialEscalation = escalationInstance(round.id, 37, "sbj");
    assertThat(justiceEscalation).isWaitingAt(EscalationProcess.Elements.HOLD_INTERVIEW);
    assertThat(socialEscalation).isWaitingAt(EscalationProcess.Elements.HOLD_INTERVIEW);

    submitReport(round, "sfj");
    assertThat(justiceEscalation)
        .isEnded()
        .hasPassed(EscalationProcess.Elements.END_RESOLVED_BY_UNIT);
    escalationService.closeByOffice(open(socialSecurity).getId(), "已当面约谈，另行处理。", "yfzqb1");
    assertThat(socialEscalation)
        .isEnded()
        .hasPassed(EscalationProcess.Elements.END_CLOSED_BY_OFFICE);
  }

  @Test
  void overdueDaysAreWorkingDaysOfTheChineseCalendar() {
    // Due on 2026-10-03, inside the 国庆 holiday; 10-10 is a 调休 Saturday and counts.
    startClockAt(LocalDate.of(2026, 9, 28));
    LocalDate due = LocalDate.of(2026, 10, 3);
    Round round = open(42, due);
    WorkItem item = item(round, "zzrsb");
    moveTo(due, round);
    assertThat(open(item).getLevel()).as("到期即警示，即使在节假日").isEqualTo(EscalationLevel.WARNING);
    moveTo(LocalDate.of(2026, 10, 12), round);
    assertThat(open(item).getLevel())
        .as("10-08、10-09、10-10、10-12：逾期 4 个工作日")
        .isEqualTo(EscalationLevel.WARNING);
    moveTo(LocalDate.of(2026, 10, 13), round);
    assertThat(open(item).getLevel()).isEqualTo(EscalationLevel.SUPERVISED);
    assertThat(open(item).getDaysOverdue()).isEqualTo(5);
  }

  // --- the story's helpers ---

  record Round(long id, String processInstanceId) {}

  private Round open(int taskNo, LocalDate due) {
    OffsetDateTime reportDue = due.atTime(LocalTime.of(18, 0)).atZone(BEIJING).toOffsetDateTime();
    RoundService.Opened opened =
        rounds.open(new OpenRound(seedPlanId(), "升级测试", reportDue, List.of(taskNo)), "yfzqb1");
    executeJobs(opened.processInstanceId());
    return new Round(opened.id(), taskInstance(opened.id(), taskNo).getId());
  }

  private void moveTo(LocalDate day, Round round) {
    moveTo(day, round.processInstanceId);
  }

  private WorkItem item(Round round, String unit) {
    return workItems.findAll().stream()
        .filter(i -> i.getRoundId() == round.id && i.getUnitCode().equals(unit))
        .findFirst()
        .orElseThrow();
  }

  private Escalation open(WorkItem item) {
    return escalations
        .findFirstByWorkItemIdAndStatus(item.getId(), Escalation.Status.OPEN)
        .orElseThrow();
  }

  private ProcessInstance escalationInstance(Round round) {
    WorkItem item =
        workItems.findAll().stream()
            .filter(i -> i.getRoundId() == round.id)
            .findFirst()
            .orElseThrow();
    return escalationInstance(round.id, item.getTaskNo(), item.getUnitCode());
  }

  private ProcessInstance escalationInstance(long roundId, int taskNo, String unit) {
    ProcessInstance instance =
        runtimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(EscalationProcess.PROCESS_ID)
            .processInstanceBusinessKey(roundId + "/" + taskNo + "/" + unit)
            .singleResult();
    assertThat(instance).as("督办升级实例 %s/%s/%s", roundId, taskNo, unit).isNotNull();
    return instance;
  }

  private void submitReport(Round round, String unit) {
    taskService()
        .complete(
            taskQuery()
                .processInstanceId(round.processInstanceId)
                .taskDefinitionKey(TaskSupervision.Elements.SUBMIT_REPORT)
                .taskCandidateGroup(unit)
                .singleResult()
                .getId(),
            ReportForm.filled());
  }

  private static void complete(
      ProcessInstance instance, String key, Map<String, Object> variables) {
    taskService()
        .complete(
            taskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(key)
                .singleResult()
                .getId(),
            variables);
  }
}
