package cn.fazhiduban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.support.Api;
import cn.fazhiduban.support.Node;
import cn.fazhiduban.support.Poll;
import cn.fazhiduban.support.ReportForm;
import cn.fazhiduban.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Crashes, on two nodes of the application that share one PostgreSQL server, each in its own JVM: a
 * node killed with SIGKILL while it opens a round, a node killed while clerks report through it,
 * and the database server restarted under load. After each, nothing a caller was told is saved is
 * lost, nothing is done twice, and {@code GET /api/admin/consistency} finds no disagreement between
 * our records and the engine. Slow (three application starts): tagged {@code fault}.
 */
@Tag("fault")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashPostgresTest {

  private static final Duration START = Duration.ofMinutes(5);
  private static final Duration SETTLE = Duration.ofMinutes(3);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Jobs a killed node had locked wait for their lock to run out before another node takes them:
   * five minutes by default, 8 s here. A live node's job that outlasts its lock (a slow machine)
   * may be taken by the other node too; the engine's optimistic locking lets only one of the two
   * commit, so nothing is done twice, and the counts below would show it if it were.
   */
  private static final String LOCK_TIME = "--camunda.bpm.job-execution.lock-time-in-millis=8000";

  private final Path data =
      Path.of("target", "nodes", "crash-pg-" + System.nanoTime()).toAbsolutePath();
  private final int postgresPort = Node.freePort();
  private EmbeddedPostgres postgres;
  private TestDatabases.Database database;
  private final List<Node> nodes = new ArrayList<>();
  private Node a;
  private Node b;

  /** A started again, booting while B takes over its jobs; the node of the second scenario. */
  private Node restarted;

  private long roundId;

  @BeforeAll
  void twoNodesOnOneDatabase() throws IOException {
    Files.createDirectories(data);
    postgres = startPostgres();
    database =
        new TestDatabases.Database(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
    // one after the other: the first creates the schema and imports the fixture plan
    a = node("crash-a").awaitUp(START);
    b = node("crash-b").awaitUp(START);
  }

  @AfterAll
  void stop() throws IOException {
    nodes.forEach(Node::close);
    if (postgres != null) {
      postgres.close();
    }
    try (Stream<Path> files = Files.walk(data)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  @Order(1)
  void aNodeKilledWhileItOpensARoundLeavesTheRestToTheOther() {
    Api office = Api.as(a.port(), "yfzqb1", "demo");
    long planId = office.get("/api/plans").json().get(0).path("id").asLong();
    OffsetDateTime due = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(30).withNano(0);
    JsonNode opened = office.openRound(planId, "崩溃测试", due, IntStream.rangeClosed(1, 12).toArray());
    roundId = opened.path("id").asLong();
    int workItems = opened.path("workItems").asInt();
    assertThat(workItems).isGreaterThan(12);

    // killed as soon as the first report task exists: the task starts are jobs, shared by both
    // nodes
    Api adminB = Api.as(b.port(), "admin", "demo");
    int atKill =
        Poll.until(
            "第一项报送任务",
            Duration.ofMinutes(2),
            () -> {
              int count = reportTasks(adminB);
              return count > 0 ? Optional.of(count) : Optional.empty();
            });
    a.kill();
    // A is started again at once, as an operator would, and boots while A's jobs wait out their
    // locks (8 s; the new node takes longer to be up here) and B takes them over; the counts below
    // hold whichever node runs them
    restarted = node("crash-a2");
    assertThat(atKill).as("节点在开启轮次的中途被终止").isLessThan(workItems);

    settle(adminB);
    assertThat(reportTasks(adminB)).as("每个工作事项一项报送任务，不多不少").isEqualTo(workItems);
    JsonNode items = Api.as(b.port(), "yfzqb1", "demo").get(workItemsOf()).json();
    assertThat(items).hasSize(workItems);
    assertThat(items.findValuesAsText("status")).containsOnly("ASSIGNED");
    assertConsistent(adminB);
  }

  @Test
  @Order(2)
  void aNodeKilledWhileClerksReportThroughItLosesNoConfirmedReport() throws Exception {
    assertThat(roundId).as("第 1 个场景开启的轮次").isPositive();
    if (restarted == null) {
      restarted = node("crash-a2");
    }
    restarted.awaitUp(START);
    List<JsonNode> items = assigned(20);
    Map<String, Integer> outcomes = reportWhile(restarted.port(), items, 4, 6, restarted::kill);
    assertThat(outcomes.values())
        .as("确认的报送")
        .filteredOn(s -> s == 204)
        .hasSizeGreaterThanOrEqualTo(6);
    Api adminB = Api.as(b.port(), "admin", "demo");
    reportTheRestAgain(items, outcomes);
    settle(adminB);
    assertReported(items);
    assertConsistent(adminB);
  }

  @Test
  @Order(3)
  void aDatabaseRestartUnderLoadLosesNothingAndTheNodeRecovers() throws Exception {
    assertThat(roundId).as("第 1 个场景开启的轮次").isPositive();
    List<JsonNode> items = assigned(12);
    Map<String, Integer> outcomes =
        reportWhile(
            b.port(),
            items,
            2,
            3,
            () -> {
              try {
                postgres.close();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              Node.sleep(Duration.ofSeconds(3));
              postgres = startPostgres();
            });
    // while the database was away, a clerk got a Chinese message, never a stack trace
    assertThat(failures)
        .allSatisfy(body -> assertThat(body).doesNotContain("\tat ", "Exception").contains("服务器"));
    Api adminB = Api.as(b.port(), "admin", "demo");
    Poll.until(
        "数据库重启后节点恢复",
        START,
        () ->
            adminB.get("/api/admin/consistency").status() == 200
                ? Optional.of(true)
                : Optional.empty());
    reportTheRestAgain(items, outcomes);
    settle(adminB);
    assertReported(items);
    assertConsistent(adminB);
  }

  /** The bodies of the 5xx answers the clerks got, for the message check. */
  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

  /**
   * The items' clerks report at once through one node, {@code threads} at a time; once {@code
   * confirmedBefore} reports are confirmed, the fault strikes. Every answer is a confirmation (204)
   * or a failure that saved nothing visible to the caller (-1: a broken connection or a 5xx).
   */
  private Map<String, Integer> reportWhile(
      int port, List<JsonNode> items, int threads, int confirmedBefore, Runnable fault)
      throws Exception {
    failures.clear();
    Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    AtomicInteger confirmed = new AtomicInteger();
    ExecutorService clerks = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> submissions = new ArrayList<>();
      for (JsonNode item : items) {
        submissions.add(
            clerks.submit(
                () -> {
                  int status = report(port, item);
                  outcomes.put(itemKey(item), status);
                  if (status == 204) {
                    confirmed.incrementAndGet();
                  }
                }));
      }
      Poll.until(
          "故障前确认的报送",
          Duration.ofMinutes(2),
          () -> {
            assertThat(outcomes.values()).as("报送的答复 %s", failures).allMatch(s -> s == 204 || s < 0);
            return confirmed.get() >= confirmedBefore ? Optional.of(true) : Optional.empty();
          });
      fault.run();
      for (Future<?> submission : submissions) {
        submission.get();
      }
    } finally {
      clerks.shutdownNow();
    }
    assertThat(outcomes.values()).as("报送的答复 %s", failures).allMatch(s -> s == 204 || s < 0);
    System.out.printf(
        "故障场景：%d 项报送，确认 %d 项，未获答复 %d 项%n",
        items.size(),
        outcomes.values().stream().filter(s -> s == 204).count(),
        outcomes.values().stream().filter(s -> s < 0).count());
    return outcomes;
  }

  /**
   * What was confirmed is saved; what was not is either saved whole or not at all: the clerk
   * reports it again, through the surviving node.
   */
  private void reportTheRestAgain(List<JsonNode> items, Map<String, Integer> outcomes) {
    for (JsonNode item : items) {
      if (outcomes.get(itemKey(item)) != 204) {
        int again = report(b.port(), item);
        assertThat(again).as("重新报送 %s：%s", item, failures).isIn(204, 0);
      }
    }
  }

  // ---- helpers ----

  private Node node(String name) {
    Node node = Node.start(name, database, LOCK_TIME);
    nodes.add(node);
    return node;
  }

  private EmbeddedPostgres startPostgres() {
    try {
      return EmbeddedPostgres.builder()
          .setDataDirectory(data.resolve("pgdata"))
          .setCleanDataDirectory(false)
          .setPort(postgresPort)
          .setServerConfig("max_connections", "100")
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("嵌入式 PostgreSQL 无法启动", e);
    }
  }

  private String workItemsOf() {
    return "/api/rounds/" + roundId + "/work-items";
  }

  /** Work items still waiting for their unit's report, one per unit, the first {@code n}. */
  private List<JsonNode> assigned(int n) {
    List<JsonNode> items = new ArrayList<>();
    Map<String, Boolean> units = new ConcurrentHashMap<>();
    for (JsonNode item :
        Api.as(b.port(), "yfzqb1", "demo").get(workItemsOf() + "?status=ASSIGNED").json()) {
      if (items.size() < n && units.putIfAbsent(item.path("unitCode").asText(), true) == null) {
        items.add(item);
      }
    }
    assertThat(items).as("待报送的工作事项").hasSize(n);
    return items;
  }

  private static String itemKey(JsonNode item) {
    return item.path("taskNo").asInt() + "/" + item.path("unitCode").asText();
  }

  /**
   * The unit's clerk reports on its item: 204 saved, 0 when the task is gone (saved before), or -1
   * when the node or the database did not answer (a 5xx, whose body goes to {@code failures}, or a
   * broken connection).
   */
  private int report(int port, JsonNode item) {
    Api clerk = Api.as(port, item.path("unitCode").asText() + "1", "demo");
    try {
      Api.Response tasks =
          clerk.get(
              "/engine-rest/task?processInstanceBusinessKey="
                  + roundId
                  + "/"
                  + item.path("taskNo").asInt()
                  + "&taskDefinitionKey="
                  + TaskSupervision.Elements.SUBMIT_REPORT
                  + "&firstResult=0&maxResults=10");
      if (tasks.status() >= 500) {
        failures.add(tasks.body());
        return -1;
      }
      if (tasks.status() != 200) {
        failures.add(tasks.status() + " " + tasks.body());
        return tasks.status();
      }
      if (tasks.json().isEmpty()) {
        return 0;
      }
      Api.Response submitted =
          clerk.postJson(
              "/engine-rest/task/" + tasks.json().get(0).path("id").asText() + "/submit-form",
              reportForm());
      if (submitted.status() >= 500) {
        failures.add(submitted.body());
        return -1;
      }
      if (submitted.status() != 204) {
        failures.add(submitted.status() + " " + submitted.body());
      }
      return submitted.status();
    } catch (AssertionError e) {
      if (e.getCause() instanceof IOException) {
        return -1; // the connection broke: the node is gone
      }
      throw e;
    }
  }

  private static String reportForm() {
    ObjectNode variables = JSON.createObjectNode();
    ReportForm.filled()
        .forEach(
            (name, value) -> {
              ObjectNode variable = variables.putObject(name);
              if (value instanceof Integer number) {
                variable.put("value", number).put("type", "Integer");
              } else {
                variable.put("value", String.valueOf(value));
              }
            });
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    return body.toString();
  }

  private int reportTasks(Api admin) {
    Api.Response count =
        admin.get(
            "/engine-rest/task/count?processInstanceBusinessKeyLike="
                + roundId
                + "/%25&taskDefinitionKey="
                + TaskSupervision.Elements.SUBMIT_REPORT);
    assertThat(count.status()).as(count.body()).isEqualTo(200);
    return count.json().path("count").asInt();
  }

  /** Until no job is due: the killed node's locked jobs have run out their lock and run here. */
  private static void settle(Api admin) {
    Poll.until(
        "到期作业全部执行",
        SETTLE,
        () -> {
          Api.Response due = admin.get("/engine-rest/job/count?executable=true");
          return due.status() == 200 && due.json().path("count").asInt() == 0
              ? Optional.of(true)
              : Optional.empty();
        });
    Api.Response failed = admin.get("/engine-rest/job/count?withException=true");
    assertThat(failed.json().path("count").asInt()).as("失败的作业").isZero();
  }

  private void assertReported(List<JsonNode> items) {
    JsonNode now = Api.as(b.port(), "yfzqb1", "demo").get(workItemsOf()).json();
    for (JsonNode item : items) {
      JsonNode row =
          StreamSupport.stream(now.spliterator(), false)
              .filter(
                  r ->
                      r.path("taskNo").asInt() == item.path("taskNo").asInt()
                          && r.path("unitCode").asText().equals(item.path("unitCode").asText()))
              .findFirst()
              .orElseThrow();
      // reported, and approved at once where the unit leads the task itself
      assertThat(row.path("status").asText()).as("%s", row).isIn("REPORTED", "APPROVED");
      assertThat(row.path("reportedAt").isNull()).as("%s", row).isFalse();
    }
  }

  private static void assertConsistent(Api admin) {
    Api.Response consistency = admin.get("/api/admin/consistency");
    assertThat(consistency.status()).as(consistency.body()).isEqualTo(200);
    assertThat(consistency.json().path("count").asInt()).as(consistency.body()).isZero();
  }
}
