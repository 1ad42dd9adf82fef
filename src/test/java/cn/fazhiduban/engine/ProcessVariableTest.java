package cn.fazhiduban.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.junit.jupiter.api.Test;

/**
 * Declared variables read their own type and name any other, from a variable scope (here a {@link
 * VariableMap}, the same typed-value API a task or execution offers) and from a decision's result.
 */
class ProcessVariableTest {

  private static final ProcessVariable<Long> WORK_ITEM_ID = ProcessVariable.longValue("workItemId");
  private static final ProcessVariable<String> LEVEL = ProcessVariable.string("level");

  @Test
  void putThenReadFromAMapOfValues() {
    VariableMap variables = Variables.createVariables();
    WORK_ITEM_ID.put(variables, 42L);
    LEVEL.put(variables, "警示");

    assertThat(variables).containsEntry("workItemId", 42L).containsEntry("level", "警示");
    assertThat(WORK_ITEM_ID.from(variables)).isEqualTo(42L);
    assertThat(LEVEL.from(Map.of())).isNull();
  }

  @Test
  void aValueOfAnotherTypeIsNamedNotCast() {
    VariableMap forged = Variables.createVariables().putValue("workItemId", "42");

    assertThatThrownBy(() -> WORK_ITEM_ID.from(forged))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("流程变量 workItemId 应为 Long，实为 String");
    // an Integer is not taken for a Long either: the writer and the reader must agree
    assertThatThrownBy(() -> WORK_ITEM_ID.from(Map.of("workItemId", 42)))
        .hasMessage("流程变量 workItemId 应为 Long，实为 Integer");
  }

  @Test
  void aSerializedObjectIsRefusedWithoutDeserializingIt() {
    VariableMap forged =
        Variables.createVariables()
            .putValueTyped(
                "level",
                Variables.serializedObjectValue("rO0ABXQAAA==")
                    .serializationDataFormat(SerializationDataFormats.JAVA)
                    .objectTypeName("java.lang.String")
                    .create());

    assertThatThrownBy(() -> LEVEL.from(forged))
        .hasMessage("流程变量 level 应为 String，实为对象 java.lang.String");
  }
}
