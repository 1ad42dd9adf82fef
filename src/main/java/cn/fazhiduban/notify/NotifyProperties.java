package cn.fazhiduban.notify;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code duban.notify.*}, checked on start; the defaults live in {@code application.yaml}. */
@Validated
@ConfigurationProperties("duban.notify")
public record NotifyProperties(@Valid @NotNull Mail mail) {

  /** E-mail besides the log: on when {@code enabled} and {@code spring.mail.*} names a server. */
  public record Mail(boolean enabled, @NotBlank @Email String from) {}
}
