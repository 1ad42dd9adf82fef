package cn.fazhiduban.web;

import cn.fazhiduban.plan.parse.PlanDocumentReader;
import cn.fazhiduban.plan.parse.PlanParser;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ApplicationBeans {

  @Bean
  Clock clock() {
    return Clock.systemDefaultZone();
  }

  @Bean
  PlanParser planParser() {
    return new PlanParser();
  }

  @Bean
  PlanDocumentReader planDocumentReader() {
    return new PlanDocumentReader();
  }
}
