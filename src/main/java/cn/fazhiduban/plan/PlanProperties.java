package cn.fazhiduban.plan;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code duban.plan.*}, checked on start; the default lives in {@code application.yaml} only.
 *
 * @param parseDeadline a plan parse that runs longer is stopped and refused with 422
 */
@Validated
@ConfigurationProperties("duban.plan")
public record PlanProperties(@NotNull Duration parseDeadline) {}
