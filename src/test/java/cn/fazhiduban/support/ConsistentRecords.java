package cn.fazhiduban.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.engine.ConsistencyChecks;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * After a process or API test class: our records and the engine agree, as {@code GET
 * /api/admin/consistency} would report. Use on a Spring test class with
 * {@code @TestExecutionListeners(listeners = ConsistentRecords.class, mergeMode =
 * MERGE_WITH_DEFAULTS)} (org.springframework.test.context.TestExecutionListeners).
 *
 * <p>A Spring listener rather than a JUnit extension, because it must run while the class's context
 * is still open: listeners end a class in reverse order, so this one (ordered last) checks before
 * {@code @DirtiesContext} closes the context. A JUnit {@code afterAll} ran after that and silently
 * started a fresh context, whose empty tables always agreed.
 */
public class ConsistentRecords extends AbstractTestExecutionListener {

  @Override
  public void afterTestClass(TestContext testContext) {
    assertThat(testContext.hasApplicationContext()).as("一致性检查须在测试类的上下文关闭之前进行").isTrue();
    ConsistencyChecks checks = testContext.getApplicationContext().getBean(ConsistencyChecks.class);
    assertThat(checks.disagreements())
        .as("业务记录与流程引擎的不一致（%s 之后）", testContext.getTestClass().getSimpleName())
        .isEmpty();
  }
}
