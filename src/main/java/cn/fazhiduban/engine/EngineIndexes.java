package cn.fazhiduban.engine;

import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes of ours on the engine's ACT_* tables. The engine owns that schema and its update scripts,
 * so they are not in a Flyway migration (which may run before the engine has made its tables): they
 * are made here on every start, after the engine has created or updated its schema, with {@code if
 * not exists}, and named {@code duban_*} so that no engine index is touched and an engine update
 * that rebuilds a table gets them back on the next start. On PostgreSQL they are built {@code
 * concurrently}, so a first start on a large database does not block writes. See BENCHMARKS.md for
 * what each one does; {@code duban.tuning.engine-indexes=false} leaves them out.
 */
@Component
public class EngineIndexes {

  private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

  /** Name, table and columns of each index. */
  static final List<String[]> INDEXES =
      List.<String[]>of(
          // The job executor acquires by due date (jobExecutorAcquireByDueDate): due jobs come in
          // order off this index.
          new String[] {"duban_job_duedate", "act_ru_job", "duedate_"});

  private final JdbcTemplate jdbc;
  private final boolean enabled;

  EngineIndexes(
      DataSource dataSource, ProcessEngine engineMustExistFirst, TuningProperties tuning) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.enabled = tuning.engineIndexes();
  }

  @EventListener(ApplicationStartedEvent.class)
  void ensure() {
    if (!enabled) {
      return;
    }
    boolean postgres =
        jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName())
            .toLowerCase()
            .contains("postgres");
    for (String[] index : INDEXES) {
      String sql =
          "create index "
              + (postgres ? "concurrently " : "")
              + "if not exists "
              + index[0]
              + " on "
              + index[1]
              + " ("
              + index[2]
              + ")";
      try {
        jdbc.execute(sql);
      } catch (RuntimeException e) {
        log.warn("索引 {} 未能建立：{}", index[0], e.getMessage());
      }
    }
  }
}
