package cn.fazhiduban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.context.TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS;

import cn.fazhiduban.support.Api;
import cn.fazhiduban.support.ConsistentRecords;
import cn.fazhiduban.support.FixturePlan;
import cn.fazhiduban.support.Poll;
import cn.fazhiduban.support.WebApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The supervision cycle as a new user would drive it: REST calls only, forms filled through the
 * engine's {@code /engine-rest/task/{id}/submit-form}, the job executor running as in production.
 */
@TestExecutionListeners(listeners = ConsistentRecords.class, mergeMode = MERGE_WITH_DEFAULTS)
@WebApplicationTest
class SupervisionCycleApiTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @LocalServerPort int port;

  Api office;
  long planId;

  @BeforeEach
  void setUp() {
    office = Api.as(port, "yfzqb1", "demo");
    planId = FixturePlan.id(office);
  }

  @Test
  void roundForTasks42_73_37() {
    OffsetDateTime due = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(30).withNano(0);
    JsonNode opened = office.openRound(planId, "2026年下半年（测试）", due, 42, 73, 37);
    long roundId = opened.path("id").asLong();
    assertThat(opened.path("workItems").asInt()).isEqualTo(5);
    assertThat(opened.path("processInstanceId").asText()).isNotBlank();

    // Task 42: 组织人事部 reports, 司法局 (lead) approves, the office passes.
    String key42 = roundId + "/42";
    Api zzrsb = Api.as(port, "zzrsb1", "demo");
    String report42 = waitForTask(zzrsb, key42, TaskSupervision.Elements.SUBMIT_REPORT, "zzrsb");
    // Tasklist loads the deployed forms by their names in the deployment.
    Api.Response form = zzrsb.get("/engine-rest/task/" + report42 + "/deployed-form");
    assertThat(form.status()).as(form.body()).isEqualTo(200);
    assertThat(form.body()).contains("cam-variable-name=\"progress\"");
    submit(zzrsb, report42, report("已完成行政复议委员会组建。", "已完成", 100));
    Api sfj = Api.as(port, "sfj1", "demo");
    String review42 = waitForTask(sfj, key42, TaskSupervision.Elements.REVIEW_REPORT, "sfj");
    Api.Response reviewForm = sfj.get("/engine-rest/task/" + review42 + "/deployed-form");
    assertThat(reviewForm.status()).as(reviewForm.body()).isEqualTo(200);
    assertThat(reviewForm.body()).contains("reviewDecision");
    submit(sfj, review42, "{\"reviewDecision\": {\"value\": \"approved\"}}");
    String check42 = waitForTask(office, key42, TaskSupervision.Elements.OFFICE_CHECK, "yfzqb");
    submit(office, check42, "{\"checkDecision\": {\"value\": \"passed\"}}");
    String instance42 = processInstanceOf(key42);
    waitUntilEnded(instance42);
    assertThat(workItem(roundId, 42, "zzrsb").path("status").asText()).isEqualTo("CLOSED");
    assertThat(workItem(roundId, 42, "zzrsb").path("closedAt").isNull()).isFalse();

    // Task 73: 两江新区党校 reports; the office, the lead unit, returns it with an opinion.
    String key73 = roundId + "/73";
    Api dx = Api.as(port, "dx1", "demo");
    submit(
        dx,
        waitForTask(dx, key73, TaskSupervision.Elements.SUBMIT_REPORT, "dx"),
        report("开展理论研究。", "推进中", 40));
    String review73 = waitForTask(office, key73, TaskSupervision.Elements.REVIEW_REPORT, "yfzqb");
    Api.Response noOpinion =
        office.postJson(
            "/engine-rest/task/" + review73 + "/submit-form",
            "{\"variables\": {\"reviewDecision\": {\"value\": \"returned\"}}}");
    assertThat(noOpinion.status()).isEqualTo(400);
    assertThat(noOpinion.json().path("message").asText()).contains("请填写退回意见");
    submit(
        office,
        review73,
        "{\"reviewDecision\": {\"value\": \"returned\"}, \"reviewOpinion\": {\"value\": \"请补充研究成果清单。\"}}");
    String again73 = waitForTask(dx, key73, TaskSupervision.Elements.SUBMIT_REPORT, "dx");
    JsonNode formVariables = dx.get("/engine-rest/task/" + again73 + "/form-variables").json();
    assertThat(formVariables.path("returnOpinion").path("value").asText()).isEqualTo("请补充研究成果清单。");
    assertThat(workItem(roundId, 73, "dx").path("status").asText()).isEqualTo("RETURNED");
    // The shared Tasklist filters: the clerk finds the returned report under 被退回, and in 本单位待办.
    assertThat(filterTasks(dx, "被退回")).contains(again73);
    assertThat(filterTasks(dx, "本单位待办")).contains(again73);
    assertThat(filterTasks(dx, "已逾期")).doesNotContain(again73);
    // …and a report not returned, of this round, is under 本单位待办 only (other classes' rounds
    // leave returned reports of their own in the shared application)
    String key37 = roundId + "/37";
    Api zfw = Api.as(port, "zfw1", "demo");
    String zfwReport37 = waitForTask(zfw, key37, TaskSupervision.Elements.SUBMIT_REPORT, "zfw");
    assertThat(filterTasks(zfw, "本单位待办")).contains(zfwReport37);
    assertThat(filterTasks(zfw, "被退回")).doesNotContain(zfwReport37);
    // …with its columns, which a unit may read although the process instance is not its to read.
    assertThat(filterColumns(dx, "本单位待办"))
        .containsEntry(TaskSupervision.Variables.TASK_NO, "73")
        .containsEntry(TaskSupervision.Variables.UNIT_NAME, "两江新区党校")
        .containsKeys("taskTitle", TaskSupervision.Variables.DEADLINE_TEXT);
    assertThat(filterColumns(dx, "本单位待办").get(TaskSupervision.Variables.DEADLINE_TEXT))
        .endsWith("（北京时间）");

    // Task 37: three units report, 应急管理局 approves all three, the office orders 整改, the units
    // rectify.
    for (String unit : List.of("zfw", "sfj", "sbj")) {
      Api clerk = Api.as(port, unit + "1", "demo");
      submit(
          clerk,
          waitForTask(clerk, key37, TaskSupervision.Elements.SUBMIT_REPORT, unit),
          report("组建应急队伍。", "推进中", 60));
    }
    Api yjglj = Api.as(port, "yjglj1", "demo");
    for (int i = 0; i < 3; i++) {
      submit(
          yjglj,
          waitForTask(yjglj, key37, TaskSupervision.Elements.REVIEW_REPORT, "yjglj"),
          "{\"reviewDecision\": {\"value\": \"approved\"}}");
    }
    String check37 = waitForTask(office, key37, TaskSupervision.Elements.OFFICE_CHECK, "yfzqb");
    String deadline =
        OffsetDateTime.now(ZoneOffset.ofHours(8)).toLocalDate().plusDays(10).toString();
    submit(
        office,
        check37,
        """
        {"checkDecision": {"value": "rectify"},
         "rectifyUnits": {"value": "[\\"sfj\\", \\"sbj\\"]", "type": "Json"},
         "rectifyRequirement": {"value": "网格员名册不全，请补充。"},
         "rectifyDeadline": {"value": "%s"}}"""
            .formatted(deadline));
    assertThat(workItem(roundId, 37, "sfj").path("status").asText()).isEqualTo("RECTIFYING");
    assertThat(workItem(roundId, 37, "zfw").path("status").asText()).isEqualTo("APPROVED");
    for (String unit : List.of("sfj", "sbj")) {
      Api clerk = Api.as(port, unit + "1", "demo");
      submit(
          clerk,
          waitForTask(clerk, key37, TaskSupervision.Elements.RECTIFY, unit),
          "{\"rectifyMeasures\": {\"value\": \"逐一核对名册。\"}, \"rectifyResult\": {\"value\": \"名册已补齐。\"}}");
    }
    submit(
        office,
        waitForTask(office, key37, TaskSupervision.Elements.OFFICE_CHECK, "yfzqb"),
        "{\"checkDecision\": {\"value\": \"passed\"}}");
    waitUntilEnded(processInstanceOf(key37));
    for (String unit : List.of("zfw", "sfj", "sbj")) {
      assertThat(workItem(roundId, 37, unit).path("status").asText()).isEqualTo("CLOSED");
    }

    for (String instance :
        List.of(
            opened.path("processInstanceId").asText(),
            instance42,
            processInstanceOf(key73),
            processInstanceOf(key37))) {
      assertThat(
              office
                  .get("/engine-rest/incident/count?processInstanceId=" + instance)
                  .json()
                  .path("count")
                  .asInt())
          .as("流程实例 %s 的事故", instance)
          .isZero();
    }

    JsonNode progress = office.get("/api/rounds/" + roundId + "/progress").json();
    assertThat(progress.path("totals").path("total").asInt()).isEqualTo(5);
    assertThat(progress.path("totals").path("counts").path("CLOSED").asInt()).isEqualTo(4);
    assertThat(progress.path("totals").path("counts").path("RETURNED").asInt()).isEqualTo(1);
    int byUnit = 0;
    for (JsonNode unit : progress.path("byUnit")) {
      byUnit += unit.path("total").asInt();
    }
    assertThat(byUnit).isEqualTo(5);
  }

  /** The id of a Tasklist filter as the user sees it in the filter list. */
  private static String filterId(Api user, String filterName) {
    for (JsonNode filter : user.get("/engine-rest/filter?resourceType=Task&maxResults=20").json()) {
      if (filter.path("name").asText().equals(filterName)) {
        return filter.path("id").asText();
      }
    }
    throw new AssertionError("过滤器 " + filterName + " 对该用户不可见");
  }

  /** The ids of the tasks a user sees in a shared filter, as Tasklist lists them. */
  private static List<String> filterTasks(Api user, String filterName) {
    String id = filterId(user, filterName);
    Api.Response listed =
        user.postJson("/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=50", "{}");
    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    listed.json().forEach(task -> ids.add(task.path("id").asText()));
    return ids;
  }

  /**
   * The filter's column variables as Tasklist receives them (HAL, each task's embedded variables),
   * name → value.
   */
  private static java.util.Map<String, String> filterColumns(Api user, String filterName) {
    String id = filterId(user, filterName);
    Api.Response listed =
        user.send(
            "/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=50",
            "application/hal+json",
            "{}");
    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    java.util.Map<String, String> columns = new java.util.HashMap<>();
    for (JsonNode task : listed.json().path("_embedded").path("task")) {
      task.path("_embedded")
          .path("variable")
          .forEach(
              variable ->
                  columns.put(variable.path("name").asText(), variable.path("value").asText()));
    }
    return columns;
  }

  private static String report(String progress, String completion, int percent) {
    return """
        {"progress": {"value": "%s"}, "completion": {"value": "%s"}, "percent": {"value": %d, "type": "Integer"},
         "problems": {"value": "无"}, "nextSteps": {"value": "继续推进"}, "contact": {"value": "张明"},
         "phone": {"value": "023-67891234"}}"""
        .formatted(progress, completion, percent);
  }

  private void submit(Api user, String taskId, String variables) {
    Api.Response response =
        user.postJson(
            "/engine-rest/task/" + taskId + "/submit-form", "{\"variables\": " + variables + "}");
    assertThat(response.status()).as("提交表单 %s：%s", taskId, response.body()).isEqualTo(204);
  }

  private String waitForTask(Api user, String businessKey, String taskDefinitionKey, String group) {
    return Poll.until(
        taskDefinitionKey + " @ " + businessKey,
        WAIT,
        () -> {
          JsonNode tasks =
              user.get(
                      "/engine-rest/task?processInstanceBusinessKey="
                          + businessKey
                          + "&taskDefinitionKey="
                          + taskDefinitionKey
                          + "&candidateGroup="
                          + group
                          + "&maxResults=50")
                  .json();
          return tasks.isEmpty() ? Optional.empty() : Optional.of(tasks.get(0).path("id").asText());
        });
  }

  private String processInstanceOf(String businessKey) {
    JsonNode instances =
        office
            .get(
                "/engine-rest/history/process-instance?processDefinitionKey=task-supervision"
                    + "&processInstanceBusinessKey="
                    + businessKey
                    + "&maxResults=50")
            .json();
    assertThat(instances).hasSize(1);
    return instances.get(0).path("id").asText();
  }

  private void waitUntilEnded(String processInstanceId) {
    Poll.until(
        "流程实例结束 " + processInstanceId,
        WAIT,
        () -> {
          JsonNode instance =
              office.get("/engine-rest/history/process-instance/" + processInstanceId).json();
          return "COMPLETED".equals(instance.path("state").asText())
              ? Optional.of(true)
              : Optional.empty();
        });
  }

  private JsonNode workItem(long roundId, int taskNo, String unitCode) {
    JsonNode rows = office.get("/api/rounds/" + roundId + "/work-items?unit=" + unitCode).json();
    List<JsonNode> matching = new ArrayList<>();
    rows.forEach(
        row -> {
          if (row.path("taskNo").asInt() == taskNo) {
            matching.add(row);
          }
        });
    assertThat(matching).hasSize(1);
    return matching.get(0);
  }
}
