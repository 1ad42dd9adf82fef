package cn.fazhiduban.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * {@code duban.demo.*}: in demo mode the shipped plan is imported and every unit gets a demo user
 * with password {@code demo}.
 *
 * @param round in demo mode, a fresh start also opens 演示轮次
 */
@Validated
@ConfigurationProperties("duban.demo")
public record DemoProperties(boolean enabled, Resource plan, boolean round) {}
