package cn.fazhiduban.escalation;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs {@link EscalationNotices#sendOverdue()} every five minutes. Off with {@code
 * duban.notices.sweep=false}, as in the tests, which call it when they choose.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "duban.notices.sweep", havingValue = "true", matchIfMissing = true)
class NoticeSweepScheduling {}
