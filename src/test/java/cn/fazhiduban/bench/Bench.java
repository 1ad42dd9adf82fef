package cn.fazhiduban.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code scripts/bench}: measures the database's own limit with pgbench, then the application tuned
 * and on Camunda's stock defaults, each in a JVM of its own ({@link BenchRun}) on a fresh database
 * of the same server, with the same number of clients and the same duration. Progress goes to
 * stderr; the last line on stdout is the JSON result, which is also written to {@code
 * target/bench/results.json}.
 */
public final class Bench {

  static final Path OUT = Path.of("target", "bench");
  private static final ObjectMapper JSON = new ObjectMapper();

  private Bench() {}

  public static void main(String[] args) throws Exception {
    boolean quick = List.of(args).contains("--quick");
    int clients = Integer.getInteger("bench.clients", 4);
    int seconds = Integer.getInteger("bench.seconds", quick ? 20 : 60);
    int pgbenchScale = Integer.getInteger("bench.pgbenchScale", 10);
    Files.createDirectories(OUT);
    // The embedded server's own log would go to stdout, where only the result line belongs.
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.zonky"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    long started = System.nanoTime();

    Server server = Server.start();
    String line;
    try {
      say(
          "PostgreSQL: %s (%s)",
          server.adminUrl, server.embedded == null ? "DUBAN_BENCH_DB_URL" : "embedded");
      ObjectNode results = JSON.createObjectNode();
      results.put("quick", quick);
      results.put("clients", clients);
      results.put("duration_s", seconds);
      results.put("pgbench_scale", pgbenchScale);

      // bench.only=tuned|stock runs one variant without pgbench: for tuning by hand, not for the
      // figures.
      String only = System.getProperty("bench.only", "");
      // pgbench runs before each variant and after the last, so the yardstick sees the machine's
      // load as it was.
      String pgbenchDb = only.isEmpty() ? pgbenchInit(server, pgbenchScale) : null;
      List<Double> tps = new ArrayList<>();
      ObjectNode none = JSON.createObjectNode();
      if (pgbenchDb != null) {
        tps.add(pgbench(server, pgbenchDb, clients, seconds, pgbenchScale));
      }
      ObjectNode tuned =
          only.equals("stock") ? none : runVariant(server, "tuned", clients, seconds, quick);
      if (pgbenchDb != null) {
        tps.add(pgbench(server, pgbenchDb, clients, seconds, pgbenchScale));
      }
      ObjectNode stock =
          only.equals("tuned") ? none : runVariant(server, "stock", clients, seconds, quick);
      if (pgbenchDb != null) {
        tps.add(pgbench(server, pgbenchDb, clients, seconds, pgbenchScale));
      }
      results.put(
          "pgbench_tps", round(tps.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
      results.set("pgbench_tps_runs", JSON.valueToTree(tps));
      results.set("completions_per_s", tuned.get("completions_per_s"));
      results.set("round_open_work_items_per_s", tuned.get("round_open_work_items_per_s"));
      results.set("timers_per_s", tuned.get("timers_per_s"));
      results.set("task_query_p95_ms", tuned.get("task_query_p95_ms"));
      results.set("ledger_export_s", tuned.get("ledger_export_s"));
      results.set("heap_peak_mb", tuned.get("heap_peak_mb"));
      results.set("stock_completions_per_s", stock.get("completions_per_s"));
      results.set("stock_round_open_work_items_per_s", stock.get("round_open_work_items_per_s"));
      results.set("stock_timers_per_s", stock.get("timers_per_s"));
      results.set(
          "details", JSON.createObjectNode().<ObjectNode>set("tuned", tuned).set("stock", stock));
      parseBench(results);
      results.put("total_s", round((System.nanoTime() - started) / 1e9));

      line = JSON.writeValueAsString(results);
      Files.writeString(OUT.resolve("results.json"), line + "\n", StandardCharsets.UTF_8);
      say("结果写入 %s", OUT.resolve("results.json"));
    } finally {
      server.close();
    }
    System.out.println(line);
  }

  /**
   * pgbench's TPC-B-like transaction on a database of its own, the same clients and duration as the
   * others.
   */
  static String pgbenchInit(Server server, int scale) throws Exception {
    String db = server.createDatabase("bench_pgbench");
    List<String> connection =
        List.of("-h", server.host, "-p", String.valueOf(server.port), "-U", server.user);
    run(
        concat(
            List.of("pgbench", "-i", "-q", "-s", String.valueOf(scale)), connection, List.of(db)),
        server,
        600);
    return db;
  }

  static double pgbench(Server server, String db, int clients, int seconds, int scale)
      throws Exception {
    List<String> connection =
        List.of("-h", server.host, "-p", String.valueOf(server.port), "-U", server.user);
    String out =
        run(
            concat(
                List.of(
                    "pgbench",
                    "-c",
                    String.valueOf(clients),
                    "-j",
                    String.valueOf(Math.min(clients, 2)),
                    "-T",
                    String.valueOf(seconds),
                    "-M",
                    "prepared"),
                connection,
                List.of(db)),
            server,
            seconds + 120);
    Matcher tps =
        Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(out);
    if (!tps.find()) {
      throw new IllegalStateException("pgbench gave no TPS:\n" + out);
    }
    double value = Double.parseDouble(tps.group(1));
    say(
        "pgbench: %.1f TPS (TPC-B-like, scale %d, %d clients, %d s)",
        value, scale, clients, seconds);
    return value;
  }

  static ObjectNode runVariant(
      Server server, String variant, int clients, int seconds, boolean quick) throws Exception {
    String db = server.createDatabase("bench_" + variant);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-Dfile.encoding=UTF-8"));
    System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith("bench."))
        .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            BenchRun.class.getName(),
            variant,
            server.jdbcUrl(db),
            server.user,
            server.password,
            String.valueOf(clients),
            String.valueOf(seconds),
            String.valueOf(quick)));
    File log = OUT.resolve(variant + ".log").toFile();
    File result = OUT.resolve(variant + ".json").toFile();
    Files.deleteIfExists(result.toPath());
    say("%s: 启动应用（日志 %s）", variant, log);
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    if (!process.waitFor(30, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(variant + " 超时");
    }
    if (process.exitValue() != 0 || !result.exists()) {
      throw new IllegalStateException(variant + " 失败（退出码 " + process.exitValue() + "），见 " + log);
    }
    ObjectNode node = (ObjectNode) JSON.readTree(result);
    say("%s: %s", variant, node);
    return node;
  }

  /** Lane parse's plan parser benchmark, when it is there. */
  static void parseBench(ObjectNode results) throws Exception {
    Path compiled =
        Path.of("target", "test-classes", "cn", "fazhiduban", "bench", "PlanParseBench.class");
    if (!Files.exists(compiled)) {
      say("PlanParseBench 不存在，跳过解析基准");
      return;
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java,
                "-Xmx1g",
                "-Dfile.encoding=UTF-8",
                "-cp",
                System.getProperty("java.class.path"),
                "cn.fazhiduban.bench.PlanParseBench")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(10, TimeUnit.MINUTES);
    String last = out.strip().lines().reduce((a, b) -> b).orElse("");
    if (process.exitValue() == 0 && last.startsWith("{")) {
      results.set("parse_ms_by_kb", JSON.readTree(last).get("parse_ms_by_kb"));
    } else {
      say("PlanParseBench 没有给出结果（退出码 %d）", process.exitValue());
    }
  }

  static String run(List<String> command, Server server, int timeoutSeconds) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", server.password);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
    }
    return out;
  }

  static List<String> concat(List<String> a, List<String> b, List<String> c) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    all.addAll(c);
    return all;
  }

  static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  static void say(String format, Object... args) {
    System.err.println("[bench] " + String.format(format, args));
  }

  /** The PostgreSQL server the run uses: the one in DUBAN_BENCH_DB_URL, or an embedded one. */
  static final class Server implements AutoCloseable {
    final EmbeddedPostgres embedded;
    final String adminUrl;
    final String user;
    final String password;
    final String host;
    final int port;

    private Server(EmbeddedPostgres embedded, String adminUrl, String user, String password) {
      this.embedded = embedded;
      this.adminUrl = adminUrl;
      this.user = user;
      this.password = password;
      URI uri = URI.create(adminUrl.substring("jdbc:".length()));
      this.host = uri.getHost();
      this.port = uri.getPort() < 0 ? 5432 : uri.getPort();
    }

    static Server start() throws IOException {
      String url = System.getenv("DUBAN_BENCH_DB_URL");
      if (url != null && !url.isBlank()) {
        return new Server(
            null,
            url,
            envOr("DUBAN_BENCH_DB_USER", "postgres"),
            envOr("DUBAN_BENCH_DB_PASSWORD", ""));
      }
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              .setServerConfig("max_connections", "200")
              .setServerConfig("shared_buffers", "256MB")
              .start();
      return new Server(pg, pg.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }

    String createDatabase(String prefix) throws SQLException {
      String name = prefix + "_" + Long.toString(System.currentTimeMillis(), 36);
      try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
          Statement statement = connection.createStatement()) {
        statement.execute("create database " + name + " encoding 'UTF8'");
      }
      return name;
    }

    String jdbcUrl(String database) {
      int slash = adminUrl.lastIndexOf('/');
      int query = adminUrl.indexOf('?', slash);
      return adminUrl.substring(0, slash + 1)
          + database
          + (query < 0 ? "" : adminUrl.substring(query));
    }

    @Override
    public void close() throws IOException {
      if (embedded != null) {
        embedded.close();
      }
    }

    private static String envOr(String name, String fallback) {
      String value = System.getenv(name);
      return value == null ? fallback : value;
    }
  }
}
