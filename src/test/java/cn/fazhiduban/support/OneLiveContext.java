package cn.fazhiduban.support;

import org.springframework.core.Ordered;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * At most one live application context per test JVM. Camunda's REST API and webapps find "the"
 * engine through a JVM-wide registry by name, so two live contexts, each with an engine named
 * "default", would answer REST calls from whichever engine registered last.
 *
 * <p>A class whose context is already cached (the same configuration as the class before it) reuses
 * it. A class that needs another context first closes the one the previous class left open. Classes
 * with settings of their own close their context when they end ({@link OneEngineAtATime}); the
 * process tests and the {@link WebApplicationTest} classes keep theirs for the next class of their
 * kind, and this listener closes it before anything else starts. Registered for every Spring test
 * in {@code META-INF/spring.factories}. Tests that start the application themselves call {@link
 * #closeLeftOpen()} first.
 */
public final class OneLiveContext extends AbstractTestExecutionListener {

  private static TestContext previous;

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  /** With {@code @TestInstance(PER_CLASS)} the instance, and so the context, comes first. */
  @Override
  public void prepareTestInstance(TestContext testContext) {
    makeRoomFor(testContext);
  }

  @Override
  public void beforeTestClass(TestContext testContext) {
    makeRoomFor(testContext);
  }

  @Override
  public void afterTestClass(TestContext testContext) {
    synchronized (OneLiveContext.class) {
      previous = testContext;
    }
  }

  /**
   * Closes the context a class left open; closing one that {@code @DirtiesContext} already closed
   * does nothing. Also for a test that starts the application itself.
   */
  public static synchronized void closeLeftOpen() {
    if (previous != null) {
      previous.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
      previous = null;
    }
  }

  private static synchronized void makeRoomFor(TestContext next) {
    if (!next.hasApplicationContext()) {
      closeLeftOpen();
    }
  }
}
