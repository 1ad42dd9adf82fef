package cn.fazhiduban.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port, with the test profile and nothing else: one context,
 * shared by every API and browser class that carries this, in the order the test JVM runs them.
 * Such a class therefore stands on data it makes itself (its own round, its own plan, its own unit)
 * and never on what another class left behind or on counts of the whole database. A class that
 * needs other settings declares its own {@code @SpringBootTest} and {@link OneEngineAtATime}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface WebApplicationTest {}
