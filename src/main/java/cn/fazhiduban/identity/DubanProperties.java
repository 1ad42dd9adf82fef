package cn.fazhiduban.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/** {@code duban.*}: demo mode and the administrator account. */
@ConfigurationProperties("duban")
public record DubanProperties(Demo demo, Admin admin) {

  public DubanProperties {
    demo = demo == null ? new Demo(false, null) : demo;
    admin = admin == null ? new Admin("admin", null) : admin;
  }

  /** In demo mode the shipped plan is imported and every unit gets a demo user with password {@code demo}. */
  public record Demo(boolean enabled, Resource plan) {}

  public record Admin(String user, String password) {
    public Admin {
      user = user == null || user.isBlank() ? "admin" : user;
    }

    public boolean hasPassword() {
      return password != null && !password.isBlank();
    }
  }
}
