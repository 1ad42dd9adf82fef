package cn.fazhiduban.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Why {@code baseline-on-migrate} stays, and why at version 0: where the engine created its ACT_*
 * tables before Flyway ran, the schema is not empty; a baseline at the default version 1 would mark
 * V1 as done without running it.
 */
class FlywayBaselineTest {

  @Test
  void aSchemaWithTheEnginesTablesFirstStillGetsEveryMigration() throws Exception {
    String url = "jdbc:h2:mem:baseline-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement()) {
      statement.execute(
          "create table ACT_GE_PROPERTY (NAME_ varchar(64) primary key, VALUE_ varchar(300))");

      PropertySource<?> yaml =
          new YamlPropertySourceLoader()
              .load("application", new ClassPathResource("application.yaml"))
              .get(0);
      Flyway flyway =
          Flyway.configure()
              .dataSource(url, "sa", "")
              .locations("classpath:db/migration")
              .table((String) yaml.getProperty("spring.flyway.table"))
              .baselineOnMigrate(
                  Boolean.parseBoolean(
                      String.valueOf(yaml.getProperty("spring.flyway.baseline-on-migrate"))))
              .baselineVersion(String.valueOf(yaml.getProperty("spring.flyway.baseline-version")))
              .load();
      flyway.migrate();

      MigrationInfo[] versioned =
          Arrays.stream(flyway.info().all())
              .filter(
                  info -> info.getVersion() != null && !info.getVersion().getVersion().equals("0"))
              .toArray(MigrationInfo[]::new);
      assertThat(versioned)
          .isNotEmpty()
          .allSatisfy(info -> assertThat(info.getState()).isEqualTo(MigrationState.SUCCESS));
      try (ResultSet plan = statement.executeQuery("select count(*) from plan")) {
        assertThat(plan.next()).as("V1 ran: its table plan exists").isTrue();
      }
    }
  }
}
