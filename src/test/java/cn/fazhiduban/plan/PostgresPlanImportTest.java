package cn.fazhiduban.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.support.Api;
import cn.fazhiduban.support.FixturePlan;
import cn.fazhiduban.support.OneEngineAtATime;
import cn.fazhiduban.support.PostgresTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application on real PostgreSQL: Flyway migrates, the engine makes its schema, plans import
 * all or nothing.
 */
@OneEngineAtATime
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "duban.demo.enabled=true")
@ActiveProfiles({"test", "postgres"})
class PostgresPlanImportTest extends PostgresTest {

  @LocalServerPort int port;

  @Autowired JdbcTemplate jdbc;

  @Test
  void startsOnPostgresWithFlywayAndTheEngineSchemaAndTheDemoPlan() {
    assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from duban_schema_history where success and version = '1'",
                Integer.class))
        .isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from act_ge_property", Integer.class))
        .isPositive();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from plan_task t join plan p on p.id = t.plan_id where p.title = '"
                    + FixturePlan.TITLE
                    + "'",
                Integer.class))
        .isEqualTo(74);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from plan_task_unit where ref_type = 'UNRESOLVED'", Integer.class))
        .isZero();
  }

  @Test
  void theSameTextImportedAtTheSameMomentIsStoredOnce() throws Exception {
    String text = FixturePlan.text().replace("测试新区法治政府建设任务", "测试新区（并发测试）法治政府建设任务");
    int before = plans();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Api.Response>> imports =
          IntStream.range(0, 4)
              .<Callable<Api.Response>>mapToObj(
                  i -> () -> Api.as(port, "yfzqb1", "demo").postText("/api/plans", text))
              .toList();
      List<Api.Response> responses = new ArrayList<>();
      for (Future<Api.Response> future : pool.invokeAll(imports)) {
        responses.add(future.get());
      }
      assertThat(responses).extracting(Api.Response::status).containsOnly(200, 201).contains(201);
      assertThat(
              responses.stream().map(r -> r.json().path("id").asLong()).collect(Collectors.toSet()))
          .hasSize(1);
      assertThat(responses)
          .allSatisfy(r -> assertThat(r.json().path("tasks").asInt()).isEqualTo(74));
    } finally {
      pool.shutdownNow();
    }
    assertThat(plans()).isEqualTo(before + 1);
  }

  @Test
  void anImportThatFailsHalfwayLeavesNothingBehind() {
    int plansBefore = plans();
    int tasksBefore = jdbc.queryForObject("select count(*) from plan_task", Integer.class);
    int unitsBefore = jdbc.queryForObject("select count(*) from plan_task_unit", Integer.class);
    // The database refuses the plan's second task after the plan row and the first task went in.
    jdbc.execute(
        """
        create or replace function refuse_marked_task() returns trigger as $$
        begin
          if new.text like '%拒收标记%' then
            raise exception 'task refused for the test' using errcode = 'check_violation';
          end if;
          return new;
        end $$ language plpgsql""");
    jdbc.execute(
        "create trigger refuse_marked_task before insert on plan_task "
            + "for each row execute function refuse_marked_task()");
    try {
      String plan =
          """
          某区法治政府建设任务分解方案
          一、健全依法行政制度体系
          1.加强行政规范性文件备案审查。（牵头单位：司法局；责任单位：各直属街道）
          2.推进综合执法改革（拒收标记）。（牵头单位：司法局；责任单位：各单位部门）
          """;

      Api.Response response = Api.as(port, "yfzqb1", "demo").postText("/api/plans", plan);

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().path("message").asText()).contains("未保存");
      assertThat(response.body()).doesNotContain("Exception");
    } finally {
      jdbc.execute("drop trigger refuse_marked_task on plan_task");
    }
    assertThat(plans()).isEqualTo(plansBefore);
    assertThat(jdbc.queryForObject("select count(*) from plan_task", Integer.class))
        .isEqualTo(tasksBefore);
    assertThat(jdbc.queryForObject("select count(*) from plan_task_unit", Integer.class))
        .isEqualTo(unitsBefore);
  }

  private int plans() {
    return jdbc.queryForObject("select count(*) from plan", Integer.class);
  }
}
