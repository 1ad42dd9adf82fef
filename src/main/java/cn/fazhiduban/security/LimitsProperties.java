package cn.fazhiduban.security;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code duban.limits.*}: request body limits of our API and of the engine's, in bytes. */
@Validated
@ConfigurationProperties("duban.limits")
public record LimitsProperties(@Min(1024) long apiBodyBytes, @Min(1024) long engineBodyBytes) {}
