package cn.fazhiduban.plan;

import cn.fazhiduban.plan.parse.PlanDocumentReader;
import cn.fazhiduban.plan.parse.PlanParser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The parser and the .docx reader, which are plain classes so that tests can make them without
 * Spring.
 */
@Configuration
class PlanBeans {

  @Bean
  PlanParser planParser() {
    return new PlanParser();
  }

  @Bean
  PlanDocumentReader planDocumentReader() {
    return new PlanDocumentReader();
  }
}
