package cn.fazhiduban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fazhiduban.FazhiDubanApplication;
import cn.fazhiduban.support.OneLiveContext;
import java.nio.file.Path;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Outside demo mode: no demo users, and no start at all without an administrator password. */
class ProductionModeTest {

  @BeforeAll
  static void noOtherEngine() {
    OneLiveContext.closeLeftOpen();
  }

  private static SpringApplicationBuilder application() {
    return new SpringApplicationBuilder(FazhiDubanApplication.class).profiles("test");
  }

  @Test
  void refusesToStartWithoutAnAdministratorPasswordBeforeTouchingTheDatabase(@TempDir Path data) {
    Path database = data.resolve("duban");
    assertThatThrownBy(
            () ->
                application()
                    .run(
                        "--duban.demo.enabled=false",
                        "--duban.admin.password=",
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:file:" + database.toAbsolutePath())
                    .close())
        .hasMessageContaining("DUBAN_ADMIN_PASSWORD");
    assertThat(data).as("拒绝启动时尚未创建数据库").isEmptyDirectory();
  }

  @Test
  void startsWithTheGivenPasswordAndMakesNoDemoUsers() {
    try (ConfigurableApplicationContext context =
        application()
            .run(
                "--duban.demo.enabled=false",
                "--duban.admin.password=Geheim-2026",
                "--server.port=0")) {
      IdentityService identity = context.getBean(IdentityService.class);
      assertThat(identity.checkPassword("admin", "Geheim-2026")).isTrue();
      assertThat(identity.checkPassword("admin", "demo")).isFalse();
      assertThat(identity.createUserQuery().userId("yfzqb1").count()).isZero();
      assertThat(identity.createUserQuery().userId("leader1").count()).isZero();
      assertThat(identity.createGroupQuery().groupId("sfj").singleResult().getName())
          .isEqualTo("司法局");
      assertThat(identity.createGroupQuery().groupId(Groups.LEADERS).count()).isOne();
      assertThat(identity.createUserQuery().memberOfGroup(Groups.ADMINS).userId("admin").count())
          .isOne();
    }
  }
}
