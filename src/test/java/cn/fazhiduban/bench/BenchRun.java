package cn.fazhiduban.bench;

import cn.fazhiduban.FazhiDubanApplication;
import cn.fazhiduban.plan.Plan;
import cn.fazhiduban.plan.PlanRepository;
import cn.fazhiduban.plan.PlanTask;
import cn.fazhiduban.supervision.RoundService;
import cn.fazhiduban.supervision.TaskSupervision;
import cn.fazhiduban.supervision.TaskUnits;
import cn.fazhiduban.webapp.TasklistFilters;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One variant of the benchmark (tuned, or {@code stock}: Camunda's defaults) in a JVM of its own:
 * starts the application on its database and measures round opening, report completions, due timers
 * and, for the tuned variant, the clerk's task query and the ledger export. Writes {@code
 * target/bench/<variant>.json}.
 */
public final class BenchRun {

  static final String REPORT = TaskSupervision.Elements.SUBMIT_REPORT;

  private final String variant;
  private final int clients;
  private final int seconds;
  private final boolean quick;
  private final ConfigurableApplicationContext context;
  private final JdbcTemplate jdbc;
  private final ObjectNode out = new ObjectMapper().createObjectNode();
  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final OffsetDateTime reportDue =
      OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(60).withNano(0);
  private long planId;
  private int rounds;

  private BenchRun(
      String variant,
      int clients,
      int seconds,
      boolean quick,
      ConfigurableApplicationContext context) {
    this.variant = variant;
    this.clients = clients;
    this.seconds = seconds;
    this.quick = quick;
    this.context = context;
    this.jdbc = context.getBean(JdbcTemplate.class);
    this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  public static void main(String[] args) throws Exception {
    String variant = args[0];
    boolean stock = variant.equals("stock");
    HeapSampler heap = new HeapSampler();
    heap.start();
    List<String> profiles = new ArrayList<>(List.of("postgres", "bench"));
    if (stock) {
      profiles.add("stock");
    }
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(FazhiDubanApplication.class)
            .profiles(profiles.toArray(String[]::new))
            .run(
                "--spring.datasource.url=" + args[1],
                "--spring.datasource.username=" + args[2],
                "--spring.datasource.password=" + args[3]);
    int code = 0;
    try {
      BenchRun run =
          new BenchRun(
              variant,
              Integer.parseInt(args[4]),
              Integer.parseInt(args[5]),
              Boolean.parseBoolean(args[6]),
              context);
      if (stock) {
        run.dropOurIndexes();
      }
      run.all(stock, heap);
    } catch (Throwable e) {
      e.printStackTrace();
      code = 1;
    } finally {
      ClockUtil.reset();
      context.close();
    }
    System.exit(code);
  }

  void all(boolean stock, HeapSampler heap) throws Exception {
    planId = context.getBean(PlanRepository.class).findAll().get(0).getId();
    out.put("variant", variant);
    out.put("history_level", context.getBean(ProcessEngineConfigurationImpl.class).getHistory());
    out.put(
        "jdbc_batch_processing",
        context.getBean(ProcessEngineConfigurationImpl.class).isJdbcBatchProcessing());
    if (!stock) {
      taskQueries();
      if (Boolean.getBoolean("bench.keepTasks")) {
        return;
      }
    }
    long roundA = roundOpen();
    completions(roundA);
    timers();
    if (!stock) {
      ledger(roundA);
    }
    heap.stopSampling();
    out.put("heap_peak_mb", heap.peakMb());
    Files.writeString(Bench.OUT.resolve(variant + ".json"), out.toString(), StandardCharsets.UTF_8);
    log("done: %s", out);
  }

  // --- round opening
  // ---------------------------------------------------------------------------------------------

  long roundOpen() {
    long reportsBefore = count("select count(*) from act_ru_task where task_def_key_ = ?", REPORT);
    HistorySize historyBefore = historySize();
    long started = System.nanoTime();
    RoundService.Opened opened = openRound(null);
    long expected = reportsBefore + opened.workItems();
    waitFor(
        "report tasks of the whole plan",
        () ->
            count("select count(*) from act_ru_task where task_def_key_ = ?", REPORT) >= expected
                ? 1
                : 0);
    waitForJobs();
    double elapsed = (System.nanoTime() - started) / 1e9;
    out.put("round_open_work_items", opened.workItems());
    out.put("round_open_s", Bench.round(elapsed));
    out.put("round_open_work_items_per_s", Bench.round(opened.workItems() / elapsed));
    HistorySize history = historySize().minus(historyBefore);
    out.put("history_rows_per_round_open", history.rows);
    out.put("history_mb_per_round_open", Bench.round(history.bytes / 1e6));
    log(
        "round open: %d work items in %.1f s; history +%d rows, +%.1f MB",
        opened.workItems(), elapsed, history.rows, history.bytes / 1e6);
    return opened.id();
  }

  /** Plan tasks in order whose work items add up to at most {@code limit}. */
  List<Integer> tasksUpTo(int limit) {
    List<Integer> chosen = new ArrayList<>();
    TaskUnits units = context.getBean(TaskUnits.class);
    new TransactionTemplate(
            context.getBean(org.springframework.transaction.PlatformTransactionManager.class))
        .executeWithoutResult(
            status -> {
              Plan plan = context.getBean(PlanRepository.class).findById(planId).orElseThrow();
              int sum = 0;
              for (PlanTask task : plan.getTasks()) {
                TaskUnits.Expanded expanded = units.expand(task);
                int size = expanded.needsAssignment() ? 1 : expanded.reporters().size();
                if (sum + size <= limit) {
                  chosen.add(task.getNumber());
                  sum += size;
                }
              }
            });
    return chosen;
  }

  RoundService.Opened openRound(List<Integer> tasks) {
    rounds++;
    return context
        .getBean(RoundService.class)
        .open(new RoundService.OpenRound(planId, "基准轮次 " + rounds, reportDue, tasks), "yfzqb1");
  }

  // --- report completions
  // ----------------------------------------------------------------------------------------

  void completions(long roundId) throws Exception {
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            """
        select t.id_ as task, l.group_id_ as grp from act_ru_task t
        join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate'
        join act_ru_execution p on p.id_ = t.proc_inst_id_
        where t.task_def_key_ = ? and p.business_key_ like ?""",
            REPORT,
            roundId + "/%");
    List<Map<String, Object>> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(42));
    ConcurrentLinkedQueue<Map<String, Object>> queue = new ConcurrentLinkedQueue<>(shuffled);
    Map<String, String> clerks = clerks();
    TaskService taskService = context.getBean(TaskService.class);
    IdentityService identity = context.getBean(IdentityService.class);
    HistorySize historyBefore = historySize();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger conflicts = new AtomicInteger();
    long started = System.nanoTime();
    long stopAt = started + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      futures.add(
          pool.submit(
              () -> {
                Map<String, Object> row;
                while (System.nanoTime() < stopAt && (row = queue.poll()) != null) {
                  String group = (String) row.get("grp");
                  identity.setAuthentication(clerks.get(group), List.of(group));
                  try {
                    for (int attempt = 0; ; attempt++) {
                      try {
                        taskService.complete((String) row.get("task"), report());
                        done.incrementAndGet();
                        break;
                      } catch (OptimisticLockingException e) {
                        conflicts.incrementAndGet();
                        if (attempt == 5) {
                          throw e;
                        }
                      }
                    }
                  } finally {
                    identity.clearAuthentication();
                  }
                }
                return null;
              }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
    double callsDone = (System.nanoTime() - started) / 1e9;
    waitForJobs();
    double elapsed = (System.nanoTime() - started) / 1e9;
    long reviews =
        count("select count(*) from act_ru_task where task_def_key_ = 'Task_ReviewReport'");
    out.put("completions", done.get());
    out.put("completion_conflicts_retried", conflicts.get());
    out.put("completions_calls_s", Bench.round(callsDone));
    out.put("completions_s", Bench.round(elapsed));
    out.put("completions_per_s", Bench.round(done.get() / elapsed));
    out.put("review_tasks_open", reviews);
    HistorySize history = historySize().minus(historyBefore);
    out.put(
        "history_rows_per_completion",
        Bench.round((double) history.rows / Math.max(1, done.get())));
    out.put(
        "history_kb_per_completion", Bench.round(history.bytes / 1e3 / Math.max(1, done.get())));
    log(
        "completions: %d in %.1f s (calls returned after %.1f s), %d retried conflicts, %d review tasks open",
        done.get(), elapsed, callsDone, conflicts.get(), reviews);
  }

  /** The 报送工作进展 form as a clerk fills it in. */
  static Map<String, Object> report() {
    Map<String, Object> report = new HashMap<>();
    report.put("progress", "已制定工作方案并推进落实。");
    report.put("completion", "推进中");
    report.put("percent", 60);
    report.put("problems", "无");
    report.put("nextSteps", "继续推进");
    report.put("contact", "张明");
    report.put("phone", "13812345678");
    return report;
  }

  /** A clerk of every unit group: the first member. */
  Map<String, String> clerks() {
    Map<String, String> clerks = new HashMap<>();
    IdentityService identity = context.getBean(IdentityService.class);
    for (String group :
        jdbc.queryForList(
            "select distinct group_id_ from act_ru_identitylink where type_ = "
                + "'candidate' and group_id_ is not null",
            String.class)) {
      List<User> members = identity.createUserQuery().memberOfGroup(group).listPage(0, 1);
      if (!members.isEmpty()) {
        clerks.put(group, members.get(0).getId());
      }
    }
    return clerks;
  }

  // --- due timers
  // ------------------------------------------------------------------------------------------------

  void timers() {
    int minimum = 5000;
    long timers;
    while ((timers = count("select count(*) from act_ru_job where type_ = 'timer'")) < minimum) {
      long reportsBefore =
          count("select count(*) from act_ru_task where task_def_key_ = ?", REPORT);
      // Each open report task has two timers (提醒 and 逾期); a round on part of the plan makes up the
      // rest.
      RoundService.Opened opened = openRound(tasksUpTo((int) ((minimum - timers) / 2 + 60)));
      waitFor(
          "report tasks of another round",
          () ->
              count("select count(*) from act_ru_task where task_def_key_ = ?", REPORT)
                      >= reportsBefore + opened.workItems()
                  ? 1
                  : 0);
      waitForJobs();
    }
    Date dueAt = Date.from(reportDue.toInstant().plusSeconds(600));
    long backlog =
        count("select count(*) from act_ru_job where type_ = 'timer' and duedate_ <= ?", dueAt);
    HistorySize historyBefore = historySize();
    long started = System.nanoTime();
    ClockUtil.setCurrentTime(dueAt);
    // Wake the acquisition thread as a new job would; both variants get the same hint.
    context.getBean(ProcessEngineConfigurationImpl.class).getJobExecutor().jobWasAdded();
    waitFor(
        "due timers",
        () ->
            count("select count(*) from act_ru_job where type_ = 'timer' and duedate_ <= ?", dueAt)
                    == 0
                ? 1
                : 0);
    waitForJobs();
    double elapsed = (System.nanoTime() - started) / 1e9;
    ClockUtil.reset();
    long escalations = count("select count(*) from escalation_action");
    out.put("timers_backlog", backlog);
    out.put("timers_s", Bench.round(elapsed));
    out.put("timers_per_s", Bench.round(backlog / elapsed));
    out.put("escalation_actions", escalations);
    HistorySize history = historySize().minus(historyBefore);
    out.put("history_rows_per_timer", Bench.round((double) history.rows / Math.max(1, backlog)));
    log(
        "timers: %d due timers handled in %.1f s; %d escalation actions",
        backlog, elapsed, escalations);
  }

  // --- the clerk's task query
  // ------------------------------------------------------------------------------------

  void taskQueries() throws Exception {
    // A round on part of the plan gives real tasks with their variables, links and grants; copies
    // of them make up
    // the open-task counts, spread over the units as the plan spreads them.
    List<Integer> chosen = tasksUpTo(800);
    RoundService.Opened opened = openRound(chosen);
    waitFor(
        "report tasks of the query round",
        () ->
            count("select count(*) from act_ru_task where task_def_key_ = ?", REPORT)
                    >= opened.workItems()
                ? 1
                : 0);
    waitForJobs();
    jdbc.execute(
        "create table bench_template as select id_ as tid, (row_number() over (order by id_) - 1) as rn "
            + "from act_ru_task where task_def_key_ = '"
            + REPORT
            + "'");
    String filterId =
        context
            .getBean(FilterService.class)
            .createFilterQuery()
            .filterName(TasklistFilters.MINE)
            .singleResult()
            .getId();
    Map<String, String> clerks = clerks();
    List<String> groups = new ArrayList<>(clerks.keySet());
    Collections.sort(groups);
    ObjectNode p95 = out.putObject("task_query_p95_ms");
    ObjectNode p50 = out.putObject("task_query_p50_ms");
    List<Integer> levels = quick ? List.of(1_000, 20_000) : List.of(1_000, 20_000, 100_000);
    int copies = 0;
    for (int level : levels) {
      long open = count("select count(*) from act_ru_task");
      if (open < level) {
        copyTasks(copies, (int) (level - open));
        copies += (int) (level - open);
      }
      jdbc.execute("analyze");
      long now = count("select count(*) from act_ru_task");
      double[] times = queryTimes(filterId, clerks, groups, quick ? 100 : 200);
      p95.put(String.valueOf(now), Bench.round(percentile(times, 0.95)));
      p50.put(String.valueOf(now), Bench.round(percentile(times, 0.50)));
      log(
          "task query at %d open tasks: p50 %.1f ms, p95 %.1f ms",
          now, percentile(times, 0.5), percentile(times, 0.95));
    }
    explain(filterId, clerks, groups);
    if (Boolean.getBoolean("bench.keepTasks")) {
      log("bench.keepTasks: the copied tasks stay, nothing else is measured");
      return;
    }
    for (String table :
        List.of("act_ru_variable", "act_ru_authorization", "act_ru_identitylink", "act_ru_task")) {
      jdbc.update("delete from " + table + " where id_ like 'bench%'");
    }
    jdbc.execute("drop table bench_template");
    jdbc.execute("analyze");
  }

  /**
   * Copies of the template tasks with their candidate links, grants and task variables, in a few
   * statements.
   */
  void copyTasks(int from, int count) {
    long templates = count("select count(*) from bench_template");
    String range = "generate_series(" + from + ", " + (from + count - 1) + ") g";
    String map =
        "(select 'bench' || g || '-' || tid as nid, tid from "
            + range
            + " join bench_template on rn = g % "
            + templates
            + ")";
    copy(
        "act_ru_task",
        Map.of(
            "id_",
            "m.nid",
            "create_time_",
            "x.create_time_ - interval '1 second' * random() * 86400"),
        "join " + map + " m on m.tid = x.id_");
    copy(
        "act_ru_identitylink",
        Map.of("id_", "'bench' || substr(m.nid, 6, 8) || x.id_", "task_id_", "m.nid"),
        "join " + map + " m on m.tid = x.task_id_");
    copy(
        "act_ru_authorization",
        Map.of("id_", "'bench' || substr(m.nid, 6, 8) || x.id_", "resource_id_", "m.nid"),
        "join " + map + " m on m.tid = x.resource_id_ where x.resource_type_ = 7");
    copy(
        "act_ru_variable",
        Map.of(
            "id_",
            "'bench' || substr(m.nid, 6, 8) || x.id_",
            "task_id_",
            "m.nid",
            "var_scope_",
            "m.nid"),
        "join " + map + " m on m.tid = x.task_id_");
  }

  private void copy(String table, Map<String, String> overrides, String join) {
    List<String> columns =
        jdbc.queryForList(
            "select column_name from information_schema.columns where table_name = ? "
                + "and table_schema = current_schema() order by ordinal_position",
            String.class,
            table);
    String names = String.join(", ", columns);
    String values =
        String.join(", ", columns.stream().map(c -> overrides.getOrDefault(c, "x." + c)).toList());
    jdbc.update(
        "insert into "
            + table
            + " ("
            + names
            + ") select "
            + values
            + " from "
            + table
            + " x "
            + join);
  }

  double[] queryTimes(String filterId, Map<String, String> clerks, List<String> groups, int samples)
      throws Exception {
    Random random = new Random(7);
    String body =
        "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}";
    int warmup = samples == 1 ? 0 : 20;
    double[] times = new double[samples];
    for (int i = 0; i < warmup + samples; i++) {
      String group = groups.get(random.nextInt(groups.size()));
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(
                      "http://localhost:"
                          + port
                          + "/engine-rest/filter/"
                          + filterId
                          + "/list?firstResult=0&maxResults=15"))
              .header("Authorization", basic(clerks.get(group), "demo"))
              .header("Content-Type", "application/json")
              .header("Accept", "application/hal+json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      long started = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      double ms = (System.nanoTime() - started) / 1e6;
      if (response.statusCode() != 200 || !response.body().contains("\"count\"")) {
        throw new IllegalStateException(
            "filter query failed: " + response.statusCode() + " " + response.body());
      }
      if (i >= warmup) {
        times[i - warmup] = ms;
      }
    }
    return times;
  }

  /**
   * The SQL that one clerk's filter query runs, into the log (MyBatis statement logging for one
   * request).
   */
  void explain(String filterId, Map<String, String> clerks, List<String> groups) throws Exception {
    org.springframework.boot.logging.LoggingSystem logging =
        context.getBean(org.springframework.boot.logging.LoggingSystem.class);
    String statements = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity";
    logging.setLogLevel(statements, org.springframework.boot.logging.LogLevel.DEBUG);
    try {
      queryTimes(filterId, clerks, groups.subList(0, 1), 1);
    } finally {
      logging.setLogLevel(statements, null);
    }
    // The two statements as the engine sent them (copied from that log), with the clerk's user and
    // group bound.
    String group = groups.get(0);
    String from =
        """
        from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
        left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
        left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2
          AND ( A.USER_ID_ in ( '%1$s', '*') OR A.GROUP_ID_ IN ( '%2$s' ) )
          AND ( ( A.RESOURCE_TYPE_ = 7 AND A.PERMS_ & 2 = 2 OR A.RESOURCE_TYPE_ = 6 AND A.PERMS_ & 64 = 64 ) ) ) AUTH
          ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' ))
        WHERE ( 1 = 1 and ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( '%2$s' ) ) ) )
          and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) ) and (RES.TENANT_ID_ is null )
        """
            .formatted(clerks.get(group), group);
    String count =
        "explain (analyze, buffers) SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ "
            + from
            + ") countDistinct";
    String page =
        "explain (analyze, buffers) select distinct RES.* "
            + from
            + " order by RES.DUE_DATE_ asc LIMIT 15 OFFSET 0";
    long open = count("select count(*) from act_ru_task");
    log(
        "EXPLAIN ANALYZE, count, %d open tasks, clerk of %s:%n%s",
        open, group, String.join("\n", jdbc.queryForList(count, String.class)));
    log(
        "EXPLAIN ANALYZE, first page, %d open tasks, clerk of %s:%n%s",
        open, group, String.join("\n", jdbc.queryForList(page, String.class)));
  }

  static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
  }

  // --- ledger export
  // ---------------------------------------------------------------------------------------------

  void ledger(long roundId) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/rounds/" + roundId + "/ledger.xlsx"))
            .header("Authorization", basic("yfzqb1", "demo"))
            .GET()
            .build();
    long started = System.nanoTime();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    double elapsed = (System.nanoTime() - started) / 1e9;
    if (response.statusCode() == 200) {
      out.put("ledger_export_s", Bench.round(elapsed * 100) / 100);
      out.put("ledger_bytes", response.body().length);
      log("ledger: %d bytes in %.2f s", response.body().length, elapsed);
    } else {
      out.putNull("ledger_export_s");
      out.put("ledger_status", response.statusCode());
      log("ledger: HTTP %d, not measured", response.statusCode());
    }
  }

  // --- helpers
  // ---------------------------------------------------------------------------------------------------

  /** Our V9 indexes and our engine indexes go in the stock variant: the peer runs without them. */
  void dropOurIndexes() {
    List<String> ours =
        jdbc.queryForList(
            "select indexname from pg_indexes where schemaname = current_schema() "
                + "and indexname like 'duban\\_%' and tablename <> 'duban_schema_history'",
            String.class);
    for (String index : ours) {
      jdbc.execute("drop index " + index);
    }
    out.putArray("dropped_indexes").addAll(ours.stream().map(out::textNode).toList());
    log("stock: dropped our indexes %s", ours);
  }

  void waitForJobs() {
    waitFor(
        "async jobs",
        () -> {
          long failed = count("select count(*) from act_ru_job where retries_ = 0");
          if (failed > 0) {
            throw new IllegalStateException(
                failed
                    + " jobs failed: "
                    + jdbc.queryForList(
                        "select exception_msg_ from act_ru_job where retries_ = 0 limit 3"));
          }
          return count("select count(*) from act_ru_job where type_ = 'message'") == 0 ? 1 : 0;
        });
  }

  void waitFor(String what, LongSupplier done) {
    long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
    while (done.getAsLong() == 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  long count(String sql, Object... args) {
    Long value = jdbc.queryForObject(sql, Long.class, args);
    return value == null ? 0 : value;
  }

  record HistorySize(long rows, long bytes) {
    HistorySize minus(HistorySize other) {
      return new HistorySize(rows - other.rows, bytes - other.bytes);
    }
  }

  HistorySize historySize() {
    long rows = 0;
    for (String table :
        jdbc.queryForList(
            "select table_name from information_schema.tables where table_schema = "
                + "current_schema() and table_name like 'act_hi_%'",
            String.class)) {
      rows += count("select count(*) from " + table);
    }
    Long bytes =
        jdbc.queryForObject(
            "select coalesce(sum(pg_total_relation_size(quote_ident(table_name))), 0) from "
                + "information_schema.tables where table_schema = current_schema() and table_name like 'act_hi_%'",
            Long.class);
    return new HistorySize(rows, bytes == null ? 0 : bytes);
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  void log(String format, Object... args) {
    System.out.println("[bench " + variant + "] " + String.format(format, args));
  }

  /** The largest heap in use, sampled every 100 ms. */
  static final class HeapSampler extends Thread {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private volatile boolean running = true;

    HeapSampler() {
      setDaemon(true);
      setName("heap-sampler");
    }

    @Override
    public void run() {
      while (running) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void stopSampling() {
      running = false;
    }

    long peakMb() {
      return peak.get() / (1024 * 1024);
    }
  }
}
