package cn.fazhiduban.supervision;

import cn.fazhiduban.support.OneEngineAtATime;
import cn.fazhiduban.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@OneEngineAtATime
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "duban.demo.enabled=true")
@ActiveProfiles({"test", "postgres"})
class WholePlanRoundPostgresTest extends WholePlanRoundTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTest.useFreshPostgres(registry);
  }
}
