package cn.fazhiduban.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import cn.fazhiduban.plan.Plan;
import cn.fazhiduban.plan.PlanCheckService;
import cn.fazhiduban.plan.PlanCorrection;
import cn.fazhiduban.plan.PlanImportProcess;
import cn.fazhiduban.plan.PlanImportProcess.Elements;
import cn.fazhiduban.plan.PlanImportProcess.Variables;
import cn.fazhiduban.plan.PlanImportService;
import cn.fazhiduban.plan.PlanTask;
import cn.fazhiduban.plan.PlanTaskUnit;
import cn.fazhiduban.unit.UnitDirectory;
import cn.fazhiduban.unit.UnitReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * plan-import: the office uploads a plan, checks and corrects it, and confirms (stored, corrections
 * recorded, mappings remembered) or abandons (nothing stored); an unreadable file never starts an
 * instance; what the form sends is checked; only the office and administrators may start it.
 */
@CoverageOf(PlanImportProcess.PROCESS_ID)
class PlanImportProcessTest extends ProcessTestSupport {

  @Autowired FormService formService;

  @Autowired RepositoryService repositoryService;

  @Autowired IdentityService identityService;

  @Autowired PlanImportService importService;

  @Autowired PlanCheckService checkService;

  @Autowired UnitDirectory directory;

  @Autowired JdbcTemplate jdbc;

  @Autowired TransactionTemplate transaction;

  @AfterEach
  void logOut() {
    identityService.clearAuthentication();
  }

  static byte[] plan(String name) throws IOException {
    return new ClassPathResource("plans/import/" + name).getContentAsByteArray();
  }

  ProcessInstance startAsOffice(Map<String, Object> variables) {
    identityService.setAuthentication("yfzqb1", List.of("yfzqb"));
    try {
      return formService.submitStartForm(definition().getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  ProcessDefinition definition() {
    return repositoryService
        .createProcessDefinitionQuery()
        .processDefinitionKey(PlanImportProcess.PROCESS_ID)
        .latestVersion()
        .singleResult();
  }

  static Map<String, Object> file(String name, byte[] content) {
    FileValue file =
        org.camunda.bpm.engine.variable.Variables.fileValue(name)
            .file(content)
            .mimeType("text/plain")
            .encoding(StandardCharsets.UTF_8)
            .create();
    return Map.of(Variables.PLAN_FILE, file);
  }

  void completeAsOffice(ProcessInstance instance, Map<String, Object> variables) {
    String taskId = task(instance).getId();
    taskService().claim(taskId, "yfzqb1");
    identityService.setAuthentication("yfzqb1", List.of("yfzqb"));
    try {
      taskService().complete(taskId, variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  static Map<String, Object> decision(String decision, String correctionsJson) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.DECISION, decision);
    variables.put(Variables.CORRECTIONS, SpinValues.jsonValue(correctionsJson).create());
    return variables;
  }

  @Test
  void theOfficeCorrectsAndConfirmsAndTheMappingIsRemembered() throws IOException {
    ProcessInstance instance = startAsOffice(file("核对测试.txt", plan("plan-check.txt")));

    assertThat(instance).isWaitingAt(Elements.CHECK_PLAN).hasPassed(Elements.READ_PLAN);
    assertThat(task(instance)).hasCandidateGroup("yfzqb");
    assertThat(runtimeService().getVariable(instance.getId(), Variables.PLAN_FILE))
        .as("上传的文件读取后移除")
        .isNull();
    String draft = runtimeService().getVariable(instance.getId(), Variables.DRAFT).toString();
    assertThat(draft)
        .contains("第 1 项没有牵头单位", "星河管理局", "不在单位目录中", "\"unresolved\":[\"星河管理局\"]", "核对测试");

    completeAsOffice(
        instance,
        decision(
            Variables.CONFIRM,
            """
        {"title": "测试区任务分解方案（核对后）", "issuedOn": "2026-05-08",
         "mappings": [{"name": "星河管理局", "code": "czj"}],
         "tasks": [{"number": 1, "leadCodes": ["sfj"], "responsibleCodes": null}],
         "dropped": [3]}
        """));

    assertThat(instance).isEnded().hasPassed(Elements.STORE_PLAN, Elements.END_IMPORTED);
    long planId = ((Number) historyVariable(instance, Variables.PLAN_ID)).longValue();
    transaction.executeWithoutResult(
        status -> {
          Plan plan = plans.findById(planId).orElseThrow();
          assertThat(plan.getTitle()).isEqualTo("测试区任务分解方案（核对后）");
          assertThat(plan.getIssuedOn()).hasToString("2026-05-08");
          assertThat(plan.getImportedBy()).isEqualTo("yfzqb1");
          assertThat(plan.getTasks()).extracting(PlanTask::getNumber).containsExactly(1, 2);
          assertThat(plan.getTasks().get(0).unitsIn(PlanTaskUnit.Role.LEAD))
              .extracting(PlanTaskUnit::getUnitCode)
              .containsExactly("sfj");
          assertThat(plan.getTasks().get(0).isByDivision()).isFalse();
          PlanTaskUnit mapped = plan.getTasks().get(1).unitsIn(PlanTaskUnit.Role.LEAD).get(0);
          assertThat(mapped.getWrittenName()).isEqualTo("星河管理局");
          assertThat(mapped.getRefType()).isEqualTo(UnitReference.Type.UNIT);
          assertThat(mapped.getUnitCode()).isEqualTo("czj");
        });
    List<PlanCorrection> corrections = checkService.correctionsOf(planId);
    assertThat(corrections).hasSize(1);
    assertThat(corrections.get(0).getCorrectedBy()).isEqualTo("yfzqb1");
    assertThat(corrections.get(0).getProcessInstanceId()).isEqualTo(instance.getId());
    assertThat(corrections.get(0).getParsedReading()).contains("核对测试", "星河管理局", "\"leadUnits\":[]");
    assertThat(corrections.get(0).getChanges())
        .contains(
            "\"change\":\"leadUnits\"",
            "\"change\":\"dropped\"",
            "\"change\":\"mapped\"",
            "\"change\":\"title\"",
            "\"change\":\"issuedOn\"");
    assertThat(draftRows(instance)).isZero();

    // the office's mapping is an alias now: the next plan that writes the name resolves by itself
    assertThat(directory.resolve("星河管理局").units()).extracting(u -> u.code()).containsExactly("czj");
    String again = new String(plan("plan-check-again.txt"), StandardCharsets.UTF_8);
    assertThat(importService.importPlan(again, "yfzqb1").unresolvedUnits()).isEmpty();

    // the same text again gives the stored plan, whatever is corrected this time
    ProcessInstance second = startAsOffice(file("核对测试.txt", plan("plan-check.txt")));
    assertThat(runtimeService().getVariable(second.getId(), Variables.DRAFT).toString())
        .contains("\"storedPlanId\":" + planId);
    completeAsOffice(second, decision(Variables.CONFIRM, "{}"));
    assertThat(((Number) historyVariable(second, Variables.PLAN_ID)).longValue()).isEqualTo(planId);
    assertThat(checkService.correctionsOf(planId)).hasSize(1);
  }

  @Test
  void aNameAddedAsANewUnitBecomesAUnitWithItsGroup() throws IOException {
    ProcessInstance instance = startAsOffice(file("新增单位测试.txt", plan("plan-check-new-unit.txt")));
    completeAsOffice(
        instance,
        decision(
            Variables.CONFIRM,
            """
        {"newUnits": [{"name": "月湖管理局", "code": "yhglj", "kind": "DEPARTMENT"}]}
        """));

    assertThat(instance).isEnded().hasPassed(Elements.END_IMPORTED);
    assertThat(directory.byCode("yhglj")).get().extracting(u -> u.name()).isEqualTo("月湖管理局");
    assertThat(identityService.createGroupQuery().groupId("yhglj").count()).isEqualTo(1);
    long planId = ((Number) historyVariable(instance, Variables.PLAN_ID)).longValue();
    transaction.executeWithoutResult(
        status ->
            assertThat(
                    plans
                        .findById(planId)
                        .orElseThrow()
                        .getTasks()
                        .get(1)
                        .unitsIn(PlanTaskUnit.Role.LEAD)
                        .get(0)
                        .getUnitCode())
                .isEqualTo("yhglj"));
  }

  @Test
  void abandoningStoresNothing() {
    long plansBefore = plans.count();
    ProcessInstance instance =
        startAsOffice(
            Map.of(
                Variables.PASTED_PLAN,
                SpinValues.jsonValue("{\"text\": \"测试区放弃测试方案\\n一、总体要求\\n1.建立放弃测试制度。（牵头单位：司法局）\"}")
                    .create()));
    assertThat(instance).isWaitingAt(Elements.CHECK_PLAN);
    assertThat(draftRows(instance)).isEqualTo(1);

    completeAsOffice(instance, decision(Variables.ABANDON, "{}"));

    assertThat(instance)
        .isEnded()
        .hasPassed(Elements.DISCARD_DRAFT, Elements.END_ABANDONED)
        .hasNotPassed(Elements.STORE_PLAN);
    assertThat(plans.count()).isEqualTo(plansBefore);
    assertThat(draftRows(instance)).isZero();
  }

  @Test
  void anUnreadableFileIsRefusedOnTheFormAndNothingIsStored() {
    int draftsBefore = draftRows();
    long instancesBefore =
        runtimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(PlanImportProcess.PROCESS_ID)
            .count();
    assertThatThrownBy(
            () ->
                startAsOffice(file("方案.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("只能上传 txt、docx");
    assertThatThrownBy(
            () -> startAsOffice(file("方案.txt", "这不是一份方案。\n".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageMatching("(?s).*\\p{IsHan}.*");
    assertThatThrownBy(() -> startAsOffice(Map.of()))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("请上传");

    assertThat(
            runtimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(PlanImportProcess.PROCESS_ID)
                .count())
        .isEqualTo(instancesBefore);
    assertThat(draftRows()).isEqualTo(draftsBefore);
  }

  @Test
  void whatTheFormSendsIsCheckedAndAFaultKeepsTheTaskOpen() throws IOException {
    ProcessInstance instance = startAsOffice(file("核验测试.txt", plan("plan-check-faults.txt")));

    refused(
        instance,
        decision(Variables.CONFIRM, "{\"tasks\": [{\"number\": 99, \"leadCodes\": [\"sfj\"]}]}"),
        "第 99 项");
    refused(
        instance,
        decision(Variables.CONFIRM, "{\"tasks\": [{\"number\": 1, \"leadCodes\": [\"nosuch\"]}]}"),
        "nosuch");
    refused(
        instance,
        decision(Variables.CONFIRM, "{\"mappings\": [{\"name\": \"司法局\", \"code\": \"czj\"}]}"),
        "不是本方案中未识别的单位名称");
    refused(instance, decision(Variables.CONFIRM, "{\"dropped\": [1, 2, 3]}"), "不能删除全部任务");
    refused(instance, decision(Variables.CONFIRM, "{\"assignee\": \"sfj1\"}"), "格式不正确");
    refused(instance, decision(Variables.CONFIRM, "{\"issuedOn\": \"明天\"}"), "不是有效日期");
    refused(
        instance,
        decision(
            Variables.CONFIRM,
            "{\"newUnits\": [{\"name\": \"云岭管理局\", \"code\": \"sfj\", \"kind\": \"DEPARTMENT\"}]}"),
        "已被使用");
    refused(instance, decision("maybe", "{}"), "确认导入");

    assertThat(instance).isWaitingAt(Elements.CHECK_PLAN);
    assertThat(plans.findAll()).extracting(Plan::getTitle).doesNotContain("测试区法治政府建设任务分解方案（核验测试）");
  }

  @Test
  void onlyTheOfficeAndAdministratorsAreOfferedAndMayStartIt() {
    assertThat(startableKeys("sfj1", "sfj")).doesNotContain(PlanImportProcess.PROCESS_ID);
    assertThat(startableKeys("leader1", "leaders")).doesNotContain(PlanImportProcess.PROCESS_ID);
    assertThat(startableKeys("yfzqb1", "yfzqb"))
        .contains(PlanImportProcess.PROCESS_ID)
        .doesNotContain("task-supervision", "escalation");
    assertThat(startableKeys("admin", "camunda-admin")).contains(PlanImportProcess.PROCESS_ID);

    identityService.setAuthentication("sfj1", List.of("sfj"));
    assertThatThrownBy(() -> formService.submitStartForm(definition().getId(), Map.of()))
        .isInstanceOf(AuthorizationException.class);
  }

  private List<String> startableKeys(String user, String group) {
    identityService.setAuthentication(user, List.of(group));
    try {
      return repositoryService
          .createProcessDefinitionQuery()
          .latestVersion()
          .active()
          .startableInTasklist()
          .startablePermissionCheck()
          .listPage(0, 100)
          .stream()
          .map(ProcessDefinition::getKey)
          .toList();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void refused(ProcessInstance instance, Map<String, Object> variables, String message) {
    assertThatThrownBy(() -> completeAsOffice(instance, variables))
        .as(message)
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining(message);
    taskService().setAssignee(task(instance).getId(), null);
  }

  private Object historyVariable(ProcessInstance instance, String name) {
    return processEngine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId())
        .variableName(name)
        .singleResult()
        .getValue();
  }

  private int draftRows(ProcessInstance instance) {
    return jdbc.queryForObject(
        "select count(*) from plan_import_draft where process_instance_id = ?",
        Integer.class,
        instance.getId());
  }

  private int draftRows() {
    return jdbc.queryForObject("select count(*) from plan_import_draft", Integer.class);
  }
}
