package cn.fazhiduban.identity;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code duban.admin.*}: the administrator; the password is required outside demo mode (checked
 * before the application starts, see AdminPasswordRequired).
 */
@Validated
@ConfigurationProperties("duban.admin")
public record AdminProperties(@NotBlank String user, String password) {

  public boolean hasPassword() {
    return password != null && !password.isBlank();
  }
}
