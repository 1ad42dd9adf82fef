package cn.fazhiduban.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.engine.ConsistencyChecks;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * After a process or API test class: our records and the engine agree, as {@code GET
 * /api/admin/consistency} would report. Use with {@code @ExtendWith(ConsistentRecords.class)} on a
 * Spring test class.
 */
public class ConsistentRecords implements AfterAllCallback {

  @Override
  public void afterAll(ExtensionContext context) {
    ConsistencyChecks checks =
        SpringExtension.getApplicationContext(context).getBean(ConsistencyChecks.class);
    assertThat(checks.disagreements())
        .as("业务记录与流程引擎的不一致（%s 之后）", context.getDisplayName())
        .isEmpty();
  }
}
