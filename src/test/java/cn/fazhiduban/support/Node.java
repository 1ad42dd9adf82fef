package cn.fazhiduban.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One node of the application in a JVM of its own, on the test's classpath and a PostgreSQL
 * database, so that a test can kill it with SIGKILL as a crash would, and start another on the same
 * database. Its output goes to {@code target/nodes/<name>.log}.
 */
public final class Node implements AutoCloseable {

  private static final Path LOGS = Path.of("target", "nodes");

  private final String name;
  private final int port;
  private final Process process;
  private final Path log;

  private Node(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts a node in demo mode (the fixture plan, demo users with the password {@code demo}, no
   * demo round) on the given database; {@code properties} are further {@code --key=value}
   * arguments.
   */
  public static Node start(String name, TestDatabases.Database database, String... properties) {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Dfile.encoding=UTF-8");
    command.add("-cp");
    command.add(classpath());
    command.add("cn.fazhiduban.FazhiDubanApplication");
    command.add("--server.port=" + port);
    command.add("--spring.profiles.active=test,postgres");
    command.add("--spring.datasource.url=" + database.url());
    command.add("--spring.datasource.username=" + database.user());
    command.add("--spring.datasource.password=" + database.password());
    command.add("--duban.demo.enabled=true");
    command.add("--duban.demo.round=false");
    command.addAll(List.of(properties));
    try {
      Files.createDirectories(LOGS);
      Path log = LOGS.resolve(name + ".log");
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      return new Node(name, port, process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("节点 " + name + " 无法启动", e);
    }
  }

  public int port() {
    return port;
  }

  /** Waits until the node answers its health check, failing with its log's end if it dies. */
  public Node awaitUp(Duration timeout) {
    HttpClient client = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("节点 " + name + " 启动失败：\n" + logTail());
      }
      try {
        HttpResponse<String> health =
            client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return this;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      sleep(Duration.ofMillis(500));
    }
    throw new AssertionError("节点 " + name + " 在 " + timeout + " 内没有启动：\n" + logTail());
  }

  /**
   * SIGKILL, as a power cut or the OOM killer would: no shutdown hook, no commit in flight ends.
   */
  public void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError("节点 " + name + " 没有被终止");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "（日志不可读：" + e + "）";
    }
  }

  private static String classpath() {
    // surefire's booter jar names the whole test classpath in its manifest
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank()
        ? surefire
        : System.getProperty("java.class.path");
  }

  /** A port nobody listens on now. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
