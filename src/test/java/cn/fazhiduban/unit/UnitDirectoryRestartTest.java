package cn.fazhiduban.unit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.FazhiDubanApplication;
import cn.fazhiduban.support.Api;
import cn.fazhiduban.support.OneLiveContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The directory lives in the database: a unit added and renamed at run time is there after a
 * restart, on a file database as in production (H2 file here), with its group, grants, change
 * record and both names. units.yaml is read only on the first start.
 */
class UnitDirectoryRestartTest {

  @BeforeAll
  static void noOtherEngine() {
    OneLiveContext.closeLeftOpen();
  }

  private static final String ADMIN_PASSWORD = "Restart-Test-2026";

  @TempDir Path dataDir;

  private ConfigurableApplicationContext start() {
    // as command-line arguments: they outrank application(-test).yaml, which default properties
    // would not
    return new SpringApplicationBuilder(FazhiDubanApplication.class)
        .profiles("test")
        .run(
            "--spring.datasource.url=jdbc:h2:file:"
                + dataDir.resolve("duban").toAbsolutePath()
                + ";AUTO_SERVER=FALSE",
            "--server.port=0",
            "--camunda.bpm.job-execution.enabled=false",
            "--duban.demo.enabled=false",
            "--duban.admin.password=" + ADMIN_PASSWORD);
  }

  private static Api admin(ConfigurableApplicationContext context) {
    int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    return Api.as(port, "admin", ADMIN_PASSWORD);
  }

  @Test
  void aUnitAddedAndRenamedAtRunTimeSurvivesARestart() {
    try (ConfigurableApplicationContext first = start()) {
      Api admin = admin(first);
      Api.Response added =
          admin.postJson(
              "/api/units", "{\"code\": \"hjbhj\", \"name\": \"环境保护局\", \"kind\": \"DEPARTMENT\"}");
      assertThat(added.status()).as(added.body()).isEqualTo(201);
      Api.Response renamed = admin.putJson("/api/units/hjbhj", "{\"name\": \"生态保护局\"}");
      assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    }

    try (ConfigurableApplicationContext second = start()) {
      Api admin = admin(second);
      JsonNode unit = null;
      for (JsonNode each : admin.get("/api/units").json()) {
        if ("hjbhj".equals(each.path("code").asText())) {
          unit = each;
        }
      }
      assertThat(unit).as("重启后单位仍在目录中").isNotNull();
      assertThat(unit.path("name").asText()).isEqualTo("生态保护局");
      assertThat(unit.path("aliases").toString()).contains("环境保护局");

      Api.Response imported =
          admin.postText(
              "/api/plans",
              """
          测试区法治政府建设任务分解方案（重启测试）
          一、加强生态环境执法
          1.完善生态环境执法体系。（牵头单位：生态保护局；责任单位：环境保护局、司法局）
          """);
      assertThat(imported.status()).as(imported.body()).isEqualTo(201);
      assertThat(imported.json().path("unresolvedUnits")).isEmpty();
      List<String> codes = new ArrayList<>();
      admin
          .get("/api/plans/" + imported.json().path("id").asLong() + "/tasks")
          .json()
          .get(0)
          .path("units")
          .forEach(u -> codes.add(u.path("unitCode").asText()));
      assertThat(codes).containsExactly("hjbhj", "hjbhj", "sfj");

      IdentityService identity = second.getBean(IdentityService.class);
      assertThat(identity.createGroupQuery().groupId("hjbhj").singleResult().getName())
          .isEqualTo("生态保护局");
      AuthorizationService authorizations = second.getBean(AuthorizationService.class);
      assertThat(
              authorizations.isUserAuthorized(
                  "someone",
                  List.of("hjbhj"),
                  Permissions.ACCESS,
                  Resources.APPLICATION,
                  "tasklist"))
          .isTrue();
      JsonNode changes = admin.get("/api/units/hjbhj/changes").json();
      assertThat(changes)
          .extracting(c -> c.path("action").asText())
          .containsExactly("ADDED", "RENAMED");
      assertThat(changes.get(0).path("changedBy").asText()).isEqualTo("admin");
    }
  }
}
