package cn.fazhiduban.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.plan.parse.PlanParseException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * How the plan API answers a plan it cannot read: 400 for no plan, 422 for a parse past its
 * deadline.
 */
class PlanControllerRefusalTest {

  private final PlanController controller = new PlanController(null, null, null, null, null);

  @Test
  void aParsePastItsDeadlineIs422WithTheChineseMessage() {
    ResponseEntity<Map<String, Object>> answer =
        controller.refused(
            new PlanParseException(PlanParseException.TOO_SLOW, "方案解析超过10秒仍未完成，已停止。", null));
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(answer.getBody())
        .containsEntry("error", "too-slow")
        .containsEntry("message", "方案解析超过10秒仍未完成，已停止。");
  }

  @Test
  void noPlanIs400WithItsLine() {
    ResponseEntity<Map<String, Object>> answer =
        controller.refused(new PlanParseException(PlanParseException.NOT_A_PLAN, "未找到任何工作任务。", 3));
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).containsEntry("error", "not-a-plan").containsEntry("line", 3);
  }
}
