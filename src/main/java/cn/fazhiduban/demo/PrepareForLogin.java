package cn.fazhiduban.demo;

import cn.fazhiduban.identity.AdminProperties;
import cn.fazhiduban.identity.DemoProperties;
import cn.fazhiduban.identity.IdentitySetup;
import cn.fazhiduban.plan.PlanImportService;
import cn.fazhiduban.plan.PlanImportService.ImportResult;
import cn.fazhiduban.security.AuthorizationSetup;
import cn.fazhiduban.webapp.TasklistFilters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On every start, in every mode: groups and users, authorization grants and the shared Tasklist
 * filters are brought in line with the configuration; in demo mode the shipped plan is imported.
 * Then one log line says where to log in and as whom.
 */
@Component
class PrepareForLogin {

  private static final Logger log = LoggerFactory.getLogger(PrepareForLogin.class);

  private final IdentitySetup identitySetup;
  private final AuthorizationSetup authorizationSetup;
  private final TasklistFilters tasklistFilters;
  private final PlanImportService planImport;
  private final AdminProperties admin;
  private final DemoProperties demo;
  private final Environment environment;
  private final DemoRound demoRound;

  PrepareForLogin(
      IdentitySetup identitySetup,
      AuthorizationSetup authorizationSetup,
      TasklistFilters tasklistFilters,
      PlanImportService planImport,
      AdminProperties admin,
      DemoProperties demo,
      Environment environment,
      DemoRound demoRound) {
    this.demoRound = demoRound;
    this.tasklistFilters = tasklistFilters;
    this.identitySetup = identitySetup;
    this.authorizationSetup = authorizationSetup;
    this.planImport = planImport;
    this.admin = admin;
    this.demo = demo;
    this.environment = environment;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onReady() throws IOException {
    identitySetup.run();
    authorizationSetup.run();
    tasklistFilters.run();
    String port =
        environment.getProperty(
            "local.server.port", environment.getProperty("server.port", "8080"));
    String url = "http://localhost:" + port + "/camunda/";
    if (demo.enabled()) {
      String text = demo.plan().getContentAsString(StandardCharsets.UTF_8);
      ImportResult result = planImport.importPlan(text, "demo");
      log.info("演示方案《{}》：{} 项任务（方案编号 {}）", result.title(), result.tasks(), result.id());
      if (demo.round()) {
        demoRound
            .openIfFresh(result.id())
            .ifPresent(
                opened ->
                    log.info(
                        "已开启{}（轮次编号 {}）：{} 项任务、{} 项工作事项，{} 个工作日后截止；各单位承办人登录 Tasklist 即可在「本单位待办」中看到。"
                            + "关闭演示轮次：DUBAN_DEMO_ROUND=false。",
                        DemoRound.LABEL,
                        opened.id(),
                        opened.tasks(),
                        opened.workItems(),
                        DemoRound.WORKING_DAYS));
      }
      log.info(
          "法治督办已启动（演示模式）：请打开 {} 登录。演示账号（密码均为 demo）：依法治区办 yfzqb1，领导 leader1，"
              + "管理员 {}，各单位承办人见 GET /api/units 的 demoUsers（如 司法局 sfj1、组织人事部 zzrsb1）。",
          url,
          admin.user());
    } else {
      log.info("法治督办已启动：请打开 {}，以管理员 {} 和 DUBAN_ADMIN_PASSWORD 中的密码登录。", url, admin.user());
    }
  }
}
