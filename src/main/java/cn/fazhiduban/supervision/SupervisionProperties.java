package cn.fazhiduban.supervision;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code duban.supervision.*}, checked on start. The defaults live in {@code application.yaml}
 * only.
 *
 * @param warningDays work due within this many days shows yellow, and Tasklist's 即将到期 lists it
 * @param reminderWorkingDays 提醒 this many working days before a report or rectification is due
 */
@Validated
@ConfigurationProperties("duban.supervision")
public record SupervisionProperties(
    @Min(0) @Max(60) int warningDays, @Min(0) @Max(60) int reminderWorkingDays) {}
