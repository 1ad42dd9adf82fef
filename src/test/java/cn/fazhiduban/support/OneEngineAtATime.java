package cn.fazhiduban.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Closes the application context after the test class, for classes whose context serves no other
 * class: each starts its application with its own settings or data. Camunda's REST API and webapps
 * find "the" engine through a JVM-wide registry by name, so no two contexts may live at once (see
 * {@link OneLiveContext}, which also closes a context that a class left open for the next).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface OneEngineAtATime {}
