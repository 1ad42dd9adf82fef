package cn.fazhiduban.support;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * A {@link WebApplicationTest} class leaves the shared application without the work it opened: the
 * process instances it started (its rounds, inspections, escalations) are cancelled after it, the
 * way an administrator cancels them, so that the next class's clerks find only their own tasks.
 * What the class wrote to our tables stays; the next class reads only what it made itself.
 * Registered for every Spring test in {@code META-INF/spring.factories}; other classes are left
 * alone.
 */
public final class NoOpenWorkLeftBehind extends AbstractTestExecutionListener {

  private static final String ATTRIBUTE = NoOpenWorkLeftBehind.class.getName() + ".before";

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1; // after OneLiveContext has made room for the context
  }

  @Override
  public void beforeTestClass(TestContext testContext) {
    if (shared(testContext)) {
      testContext.setAttribute(ATTRIBUTE, running(runtime(testContext)));
    }
  }

  @Override
  public void afterTestClass(TestContext testContext) {
    if (!shared(testContext) || !testContext.hasAttribute(ATTRIBUTE)) {
      return;
    }
    @SuppressWarnings("unchecked")
    Set<String> before = (Set<String>) testContext.removeAttribute(ATTRIBUTE);
    RuntimeService runtime = runtime(testContext);
    // the job executor may be moving one of them on: try again with what is still running
    for (int attempt = 1; ; attempt++) {
      Set<String> opened = running(runtime);
      opened.removeAll(before);
      if (opened.isEmpty()) {
        return;
      }
      try {
        runtime.deleteProcessInstancesIfExists(List.copyOf(opened), "测试类结束", false, true, false);
        return;
      } catch (OptimisticLockingException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  private static boolean shared(TestContext testContext) {
    return testContext.getTestClass().isAnnotationPresent(WebApplicationTest.class);
  }

  private static RuntimeService runtime(TestContext testContext) {
    return testContext.getApplicationContext().getBean(RuntimeService.class);
  }

  private static Set<String> running(RuntimeService runtime) {
    Set<String> ids = new HashSet<>();
    for (ProcessInstance instance :
        runtime.createProcessInstanceQuery().rootProcessInstances().list()) {
      ids.add(instance.getId());
    }
    return ids;
  }
}
