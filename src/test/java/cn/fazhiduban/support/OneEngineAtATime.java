package cn.fazhiduban.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Closes the application context after the test class. Camunda's REST API and webapps find "the"
 * engine through a JVM-wide registry by name, so two live contexts (each with an engine named
 * "default") would answer REST calls from whichever engine registered last. Closing each context
 * before the next class starts keeps exactly one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface OneEngineAtATime {}
