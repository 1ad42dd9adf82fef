package cn.fazhiduban.calendar;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/** {@code duban.calendar.*}: where the working-day calendar (法定节假日 and 调休) is read from. */
@Validated
@ConfigurationProperties("duban.calendar")
public record CalendarProperties(@NotNull Resource location) {}
