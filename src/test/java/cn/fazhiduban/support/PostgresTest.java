package cn.fazhiduban.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base for Spring tests on real PostgreSQL (profile {@code postgres}), each class with a fresh
 * database.
 */
public abstract class PostgresTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    useFreshPostgres(registry);
  }

  /** For test classes that cannot extend this one. */
  public static void useFreshPostgres(DynamicPropertyRegistry registry) {
    TestDatabases.Database database = TestDatabases.freshPostgres();
    registry.add("spring.datasource.url", database::url);
    registry.add("spring.datasource.username", database::user);
    registry.add("spring.datasource.password", database::password);
  }
}
