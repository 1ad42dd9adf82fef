package cn.fazhiduban.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.support.Api;
import cn.fazhiduban.support.FixturePlan;
import cn.fazhiduban.support.WebApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The plan and unit API on the default embedded H2 database in demo mode, through real HTTP. */
@WebApplicationTest
class PlanApiTest {

  @LocalServerPort int port;
  @Autowired IdentityService identityService;

  Api office() {
    return Api.as(port, "yfzqb1", "demo");
  }

  @Test
  void healthIsOpenAndEverythingElseNeedsALogin() {
    Api anonymous = Api.anonymous(port);
    assertThat(anonymous.get("/actuator/health").json().path("status").asText()).isEqualTo("UP");

    Api.Response plans = anonymous.get("/api/plans");
    assertThat(plans.status()).isEqualTo(401);
    assertThat(plans.json().path("error").asText()).isEqualTo("unauthorized");
    assertThat(plans.json().path("message").asText()).contains("登录");

    assertThat(anonymous.get("/engine-rest/task").status()).isEqualTo(401);
    // A failed login makes the engine hold the account back for a few seconds: unlocked again for
    // the classes after this one in the shared application.
    assertThat(Api.as(port, "jddh1", "wrong").get("/api/plans").status()).isEqualTo(401);
    identityService.unlockUser("jddh1");
    assertThat(Api.as(port, "nobody", "demo").get("/api/units").status()).isEqualTo(401);
  }

  @Test
  void parsingTheSeedGivesEveryTaskWithTheUnitsThePlanWrites() throws IOException {
    Api.Response response = office().postText("/api/plans/parse", FixturePlan.text());
    assertThat(response.status()).isEqualTo(200);
    JsonNode plan = response.json();
    assertThat(plan.path("title").asText()).isEqualTo(FixturePlan.TITLE);
    assertThat(plan.path("issuedOn").asText()).isEqualTo("2022-08-26");
    JsonNode tasks = plan.path("tasks");
    assertThat(tasks).hasSize(74);

    List<String[]> expected = expectedUnits();
    assertThat(expected).hasSize(74);
    for (String[] row : expected) {
      JsonNode task = tasks.get(Integer.parseInt(row[0]) - 1);
      assertThat(task.path("number").asInt()).isEqualTo(Integer.parseInt(row[0]));
      assertThat(names(task.path("leadUnits"))).as("任务 %s 的牵头单位", row[0]).isEqualTo(split(row[1]));
      assertThat(names(task.path("responsibleUnits")))
          .as("任务 %s 的责任单位", row[0])
          .isEqualTo(split(row[2]));
    }
  }

  @Test
  void junkGetsA400WithAChineseMessage() {
    Api.Response junk = office().postText("/api/plans/parse", "这不是一份方案。\nhello world\n");
    assertThat(junk.status()).isEqualTo(400);
    assertThat(junk.contentType()).startsWith("application/json");
    assertThat(junk.json().path("error").asText()).isEqualTo("not-a-plan");
    assertThat(junk.json().path("message").asText()).containsPattern("\\p{IsHan}");
    assertThat(junk.body()).doesNotContain("Exception").doesNotContain("at cn.");

    Api.Response picture =
        office()
            .upload(
                "/api/plans/parse",
                "plan.png",
                "image/png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
    assertThat(picture.status()).isEqualTo(400);
    assertThat(picture.json().path("error").asText()).isEqualTo("unreadable");

    Api.Response json = office().postJson("/api/plans/parse", "{\"title\":");
    assertThat(json.status()).isEqualTo(415);
    assertThat(json.json().path("message").asText()).contains("text/plain");
  }

  @Test
  void aFileOfTopLevelItemsWithUnitsGivesItsTasks() {
    byte[] plan =
        String.join(
                "\n",
                "一、完善依法决策机制（区司法局牵头，区政府办配合）",
                "二、规范行政执法行为（区司法局牵头，各执法部门配合）",
                "三、深化政务公开（区政府办牵头，区司法局配合）")
            .getBytes(StandardCharsets.UTF_8);
    Api.Response response = office().upload("/api/plans/parse", "要点.txt", "text/plain", plan);
    assertThat(response.status()).isEqualTo(200);
    JsonNode tasks = response.json().path("tasks");
    assertThat(tasks).hasSize(3);
    assertThat(tasks.get(1).path("text").asText()).isEqualTo("规范行政执法行为");
    assertThat(names(tasks.get(1).path("leadUnits"))).containsExactly("区司法局");
    assertThat(names(tasks.get(1).path("responsibleUnits"))).containsExactly("各执法部门");
    List<String> warnings = new ArrayList<>();
    response
        .json()
        .path("warnings")
        .forEach(w -> warnings.add(w.path("line").asInt() + " " + w.path("message").asText()));
    assertThat(warnings)
        .as("names the directory does not know are warned about, known ones are not")
        .contains("1 单位「区政府办」不在单位目录中，请核对，或在单位目录中添加")
        .noneMatch(w -> w.contains("「区司法局」"));
  }

  @Test
  void aDocxUploadParses() throws IOException {
    ByteArrayOutputStream docx = new ByteArrayOutputStream();
    try (XWPFDocument document = new XWPFDocument()) {
      for (String line :
          List.of(
              "某区法治政府建设任务分解方案",
              "一、健全政府机构职能体系",
              "1.推进政府机构职能优化。（牵头单位：司法局；责任单位：各直属街道）",
              "2.深化放管服改革，2023年底前完成清单调整。（牵头单位：政务中心、办公室；责任单位：各单位部门）")) {
        document.createParagraph().createRun().setText(line);
      }
      document.write(docx);
    }
    Api.Response response =
        office()
            .upload(
                "/api/plans/parse",
                "方案.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                docx.toByteArray());
    assertThat(response.status()).isEqualTo(200);
    JsonNode tasks = response.json().path("tasks");
    assertThat(tasks).hasSize(2);
    assertThat(names(tasks.get(1).path("leadUnits"))).containsExactly("政务中心", "办公室");
    assertThat(tasks.get(1).path("milestones").get(0).path("due").asText()).isEqualTo("2023-12-31");
  }

  @Test
  void theDemoPlanIsListedWithItsTasksAndImportingItAgainFindsIt() {
    JsonNode plans = office().get("/api/plans").json();
    JsonNode seed = null;
    for (JsonNode plan : plans) {
      if (plan.path("title").asText().equals(FixturePlan.TITLE)) {
        seed = plan;
      }
    }
    assertThat(seed).as("演示方案已导入").isNotNull();
    assertThat(seed.path("tasks").asInt()).isEqualTo(74);
    assertThat(seed.path("issuer").asText()).isEqualTo(FixturePlan.ISSUER);

    Api.Response again = office().postText("/api/plans", FixturePlan.text());
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("id").asLong()).isEqualTo(seed.path("id").asLong());
    assertThat(again.json().path("created").asBoolean()).isFalse();
    assertThat(again.json().path("unresolvedUnits")).isEmpty();

    JsonNode tasks = office().get("/api/plans/" + seed.path("id").asLong() + "/tasks").json();
    assertThat(tasks).hasSize(74);
    JsonNode task42 = tasks.get(41);
    assertThat(task42.path("number").asInt()).isEqualTo(42);
    assertThat(task42.path("units").get(0).path("unitCode").asText()).isEqualTo("sfj");
    assertThat(task42.path("units").get(1).path("unitCode").asText()).isEqualTo("zzrsb");

    assertThat(office().get("/api/plans/999999").status()).isEqualTo(404);
    assertThat(office().get("/api/plans/abc").status()).isEqualTo(400);
  }

  @Test
  void onlyTheOfficeAndAdministratorsImport() {
    Api clerk = Api.as(port, "sfj1", "demo");
    Api.Response refused = clerk.postText("/api/plans", FixturePlan.text());
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().path("message").asText()).contains("权限");
    // Reading is for every logged-in user.
    assertThat(clerk.get("/api/plans").status()).isEqualTo(200);
  }

  @Test
  void everyUnitThePlanNamesIsInTheDirectoryWithADemoUser() {
    JsonNode units = Api.as(port, "leader1", "demo").get("/api/units").json();
    Set<String> names = new HashSet<>();
    for (JsonNode unit : units) {
      names.add(unit.path("name").asText());
      assertThat(unit.path("code").asText()).matches("[a-z][a-z0-9]+");
      assertThat(unit.path("demoUsers")).as("%s 的演示用户", unit.path("name").asText()).isNotEmpty();
    }
    assertThat(names)
        .contains(
            "办公室",
            "组织人事部",
            "政务中心",
            "经济运行局",
            "市场监管局",
            "司法局",
            "纪工委",
            "审计局",
            "产业局",
            "现服局",
            "财政局",
            "建设局",
            "社保局",
            "政法委",
            "公安分局",
            "应急管理局",
            "城市管理局",
            "社发局",
            "生态环境分局",
            "宣传部",
            "依法治区办",
            "两江新区党校",
            "渝北区法院两江审判区",
            "渝北区检察院两江检察室");
    JsonNode office = null;
    for (JsonNode unit : units) {
      if (unit.path("name").asText().equals("依法治区办")) {
        office = unit;
      }
    }
    assertThat(office.path("code").asText()).isEqualTo("yfzqb");
    assertThat(office.path("demoUsers").get(0).asText()).isEqualTo("yfzqb1");
  }

  @Test
  void theCamundaWebappsAreServed() {
    Api.Response welcome = Api.anonymous(port).get("/camunda/app/welcome/default/");
    assertThat(welcome.status()).isEqualTo(200);
    assertThat(welcome.body()).containsIgnoringCase("<html");
  }

  static List<String[]> expectedUnits() throws IOException {
    try (InputStream in =
        PlanApiTest.class.getResourceAsStream("/plans/liangjiang-expected-units.tsv")) {
      assertThat(in).as("期望表 liangjiang-expected-units.tsv").isNotNull();
      List<String[]> rows = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#") && Character.isDigit(line.charAt(0))) {
          rows.add(line.split("\t", -1));
        }
      }
      return rows;
    }
  }

  static List<String> split(String joined) {
    return joined.isBlank() ? List.of() : List.of(joined.split("、"));
  }

  static List<String> names(JsonNode array) {
    List<String> names = new ArrayList<>();
    array.forEach(node -> names.add(node.asText()));
    return names;
  }
}
