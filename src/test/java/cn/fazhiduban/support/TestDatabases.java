package cn.fazhiduban.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Real PostgreSQL for tests: the server named by {@code DUBAN_TEST_DB_URL} (with {@code
 * DUBAN_TEST_DB_USER} and {@code DUBAN_TEST_DB_PASSWORD}) when set, otherwise one embedded
 * PostgreSQL per test JVM (real binaries from Maven Central). Each caller gets a database of its
 * own, so test classes do not see each other's data.
 */
public final class TestDatabases {

  private static EmbeddedPostgres embedded;

  private TestDatabases() {}

  public record Database(String url, String user, String password) {}

  public static synchronized Database freshPostgres() {
    String adminUrl;
    String user;
    String password;
    String external = System.getenv("DUBAN_TEST_DB_URL");
    if (external != null && !external.isBlank()) {
      adminUrl = external;
      user = envOr("DUBAN_TEST_DB_USER", "postgres");
      password = envOr("DUBAN_TEST_DB_PASSWORD", "");
    } else {
      adminUrl = embedded().getJdbcUrl("postgres", "postgres");
      user = "postgres";
      password = "";
    }
    String name = "duban_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name + " encoding 'UTF8'");
    } catch (SQLException e) {
      throw new IllegalStateException("无法创建测试数据库：" + e.getMessage(), e);
    }
    int slash = adminUrl.lastIndexOf('/');
    int query = adminUrl.indexOf('?', slash);
    String url =
        adminUrl.substring(0, slash + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
    return new Database(url, user, password);
  }

  private static EmbeddedPostgres embedded() {
    if (embedded == null) {
      try {
        embedded = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
      } catch (IOException e) {
        throw new UncheckedIOException("嵌入式 PostgreSQL 无法启动", e);
      }
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      embedded.close();
                    } catch (IOException ignored) {
                      // the JVM is going away anyway
                    }
                  }));
    }
    return embedded;
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }
}
