package cn.fazhiduban.unit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.support.Api;
import cn.fazhiduban.support.WebApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * {@code /api/units} at run time: who may change the directory, what is refused, and what a change
 * brings along.
 */
@WebApplicationTest
class UnitApiTest {

  @LocalServerPort int port;

  @Autowired IdentityService identityService;

  @Autowired AuthorizationService authorizationService;

  Api office() {
    return Api.as(port, "yfzqb1", "demo");
  }

  static String plan(String name) throws IOException {
    return new ClassPathResource("plans/import/" + name).getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void aUnitAddedAndRenamedResolvesUnderBothNamesIsAGroupWithGrantsAndIsRecorded()
      throws IOException {
    Api.Response added =
        office()
            .postJson(
                "/api/units",
                "{\"code\": \"sjzyj\", \"name\": \"数据资源局\", \"kind\": \"DEPARTMENT\", \"aliases\": [\"数据局\"]}");
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.json().path("groupId").asText()).isEqualTo("sjzyj");

    Api.Response renamed = office().putJson("/api/units/sjzyj", "{\"name\": \"大数据发展局\"}");
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    assertThat(renamed.json().path("name").asText()).isEqualTo("大数据发展局");
    assertThat(texts(renamed.json().path("aliases"))).containsExactlyInAnyOrder("数据局", "数据资源局");

    // the next import resolves both the old and the new name to the unit
    Api.Response imported = office().postText("/api/plans", plan("unit-names-second.txt"));
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    assertThat(texts(imported.json().path("unresolvedUnits"))).isEmpty();
    JsonNode tasks =
        office().get("/api/plans/" + imported.json().path("id").asLong() + "/tasks").json();
    List<String> codes = new ArrayList<>();
    tasks.forEach(
        task ->
            task.path("units")
                .forEach(
                    unit -> {
                      if (List.of("大数据发展局", "数据资源局").contains(unit.path("writtenName").asText())) {
                        assertThat(unit.path("type").asText()).isEqualTo("UNIT");
                        codes.add(unit.path("unitCode").asText());
                      }
                    }));
    assertThat(codes).hasSize(3).containsOnly("sjzyj");

    // a Camunda group named after the unit, with the grants every unit has, and a demo user in demo
    // mode
    assertThat(identityService.createGroupQuery().groupId("sjzyj").singleResult().getName())
        .isEqualTo("大数据发展局");
    assertThat(
            authorizationService.isUserAuthorized(
                "sjzyj1", List.of("sjzyj"), Permissions.ACCESS, Resources.APPLICATION, "tasklist"))
        .isTrue();
    assertThat(
            authorizationService.isUserAuthorized(
                "sjzyj1",
                List.of("sjzyj"),
                Permissions.READ,
                Resources.PROCESS_DEFINITION,
                "task-supervision"))
        .isTrue();
    assertThat(
            authorizationService.isUserAuthorized(
                "sjzyj1", List.of("sjzyj"), Permissions.ACCESS, Resources.APPLICATION, "cockpit"))
        .isFalse();

    JsonNode changes = office().get("/api/units/sjzyj/changes").json();
    assertThat(changes).hasSize(2);
    assertThat(changes.get(0).path("action").asText()).isEqualTo("ADDED");
    assertThat(changes.get(0).path("changedBy").asText()).isEqualTo("yfzqb1");
    assertThat(changes.get(1).path("action").asText()).isEqualTo("RENAMED");
    assertThat(changes.get(1).path("before").asText()).contains("数据资源局");
    assertThat(changes.get(1).path("after").asText()).contains("大数据发展局");
    assertThat(changes.get(1).path("changedAt").asText()).endsWith("+08:00");
  }

  @Test
  void onlyTheOfficeAndAdministratorsChangeTheDirectory() {
    Api clerk = Api.as(port, "sfj1", "demo");
    Api.Response refused =
        clerk.postJson(
            "/api/units", "{\"code\": \"zzz\", \"name\": \"某局\", \"kind\": \"DEPARTMENT\"}");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().path("error").asText()).isEqualTo("forbidden");
    assertThat(clerk.putJson("/api/units/sfj", "{\"name\": \"法务局\"}").status()).isEqualTo(403);
    assertThat(clerk.postJson("/api/units/sfj/retire", "{}").status()).isEqualTo(403);
    assertThat(Api.as(port, "leader1", "demo").postJson("/api/units/sfj/retire", "{}").status())
        .isEqualTo(403);
    assertThat(clerk.get("/api/units").status()).isEqualTo(200);

    Api.Response byAdmin =
        Api.as(port, "admin", "demo")
            .postJson(
                "/api/units", "{\"code\": \"jdxh\", \"name\": \"星湖街道\", \"kind\": \"STREET\"}");
    assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(201);
  }

  @Test
  void badInputIsRefusedInChineseAndChangesNothing() {
    assertRefused(
        office()
            .postJson(
                "/api/units", "{\"code\": \"数据局\", \"name\": \"某某局\", \"kind\": \"DEPARTMENT\"}"),
        "单位编码");
    assertRefused(
        office()
            .postJson(
                "/api/units", "{\"code\": \"sfj\", \"name\": \"某某局\", \"kind\": \"DEPARTMENT\"}"),
        "已被使用");
    assertRefused(
        office()
            .postJson(
                "/api/units", "{\"code\": \"mmj\", \"name\": \"区司法局\", \"kind\": \"DEPARTMENT\"}"),
        "司法局");
    assertRefused(
        office()
            .postJson(
                "/api/units", "{\"code\": \"mmj\", \"name\": \"各直属街道\", \"kind\": \"STREET\"}"),
        "集合名称");
    assertRefused(
        office()
            .postJson("/api/units", "{\"code\": \"mmj\", \"name\": \"某某局\", \"kind\": \"BANK\"}"),
        "单位类别");
    assertRefused(
        office()
            .postJson(
                "/api/units", "{\"code\": \"mmj\", \"name\": \" \", \"kind\": \"DEPARTMENT\"}"),
        "单位名称");
    assertRefused(office().putJson("/api/units/sfj", "{\"name\": \"审计局\"}"), "审计局");
    assertRefused(office().putJson("/api/units/sfj", "{\"aliases\": [\"财政局\"]}"), "财政局");
    assertThat(office().putJson("/api/units/nosuch", "{\"name\": \"某某局\"}").status())
        .isEqualTo(404);

    assertThat(identityService.createGroupQuery().groupId("mmj").count()).isZero();
    JsonNode justice = unit("sfj");
    assertThat(justice.path("name").asText()).isEqualTo("司法局");
    assertThat(texts(justice.path("aliases"))).doesNotContain("财政局");
  }

  @Test
  void aRetiredUnitGetsNoNewWorkButKeepsItsGroup() throws IOException {
    Api.Response added =
        office()
            .postJson(
                "/api/units",
                "{\"code\": \"xhglj\", \"name\": \"星湖管理局\", \"kind\": \"DEPARTMENT\"}");
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    Api.Response retired = office().postJson("/api/units/xhglj/retire", "{}");
    assertThat(retired.status()).as(retired.body()).isEqualTo(200);
    assertThat(retired.json().path("retired").asBoolean()).isTrue();
    assertThat(unit("xhglj").path("retired").asBoolean()).isTrue();
    assertThat(identityService.createGroupQuery().groupId("xhglj").count()).isEqualTo(1);

    // a new plan that names it does not give it work: the name no longer resolves, the office maps
    // it elsewhere
    Api.Response parsed =
        office()
            .postText(
                "/api/plans",
                """
        测试区法治政府建设任务分解方案（撤销单位测试）
        一、推进综合执法
        1.推进星湖片区综合执法。（牵头单位：星湖管理局；责任单位：司法局）
        """);
    assertThat(parsed.status()).as(parsed.body()).isEqualTo(201);
    assertThat(texts(parsed.json().path("unresolvedUnits"))).containsExactly("星湖管理局");
    // the office itself cannot be retired
    assertRefused(office().postJson("/api/units/yfzqb/retire", "{}"), "依法治区办");
  }

  private JsonNode unit(String code) {
    for (JsonNode unit : office().get("/api/units").json()) {
      if (code.equals(unit.path("code").asText())) {
        return unit;
      }
    }
    throw new AssertionError("单位 " + code + " 不在目录中");
  }

  private static void assertRefused(Api.Response response, String messagePart) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().path("error").asText()).isEqualTo("invalid-unit");
    assertThat(response.json().path("message").asText())
        .contains(messagePart)
        .containsPattern("\\p{IsHan}");
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
