package cn.fazhiduban.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * {@code duban.demo.*}: in demo mode the shipped plan is imported and every unit gets a demo user
 * with password {@code demo}.
 */
@Validated
@ConfigurationProperties("duban.demo")
public record DemoProperties(boolean enabled, Resource plan) {}
