package cn.fazhiduban.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Outside demo mode the administrator's password must be set. Checked as soon as the configuration
 * is read, before any bean exists, so that such a start stops before the engine creates or touches
 * its tables. Registered in {@code META-INF/spring.factories}.
 */
public class AdminPasswordRequired implements EnvironmentPostProcessor {

  static final String MESSAGE =
      "未处于演示模式时必须设置管理员密码：请设置环境变量 DUBAN_ADMIN_PASSWORD（duban.admin.password）。"
          + " Outside demo mode DUBAN_ADMIN_PASSWORD must be set.";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    Binder binder = Binder.get(environment);
    boolean demo = binder.bind("duban.demo.enabled", Boolean.class).orElse(false);
    String password = binder.bind("duban.admin.password", String.class).orElse("");
    if (!demo && password.isBlank()) {
      throw new IllegalStateException(MESSAGE);
    }
  }
}
