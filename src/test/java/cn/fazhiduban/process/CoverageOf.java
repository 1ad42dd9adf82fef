package cn.fazhiduban.process;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The model (process definition key) a process test class is about: its flow-node coverage is gated
 * on that model alone ({@link ProcessTestSupport#COVERAGE_GATE}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@interface CoverageOf {
  String value();
}
