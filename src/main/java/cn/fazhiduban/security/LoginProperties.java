package cn.fazhiduban.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code duban.login.*}, checked on start; the defaults live in {@code application.yaml} only.
 *
 * @param maxFailuresPerAddress failed logins from one client address within the window after which
 *     its logins are refused until the window has passed
 * @param addressWindow how far back failures count
 */
@Validated
@ConfigurationProperties("duban.login")
public record LoginProperties(@Min(1) int maxFailuresPerAddress, @NotNull Duration addressWindow) {}
