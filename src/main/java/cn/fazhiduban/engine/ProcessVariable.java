package cn.fazhiduban.engine;

import java.util.Date;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A process variable declared once, with its name and its type, and read and written through that
 * declaration: {@code TASK_NO.get(task)} is an {@code Integer} without a cast, and a value of
 * another type (a forged or broken one) fails with a message naming the variable instead of a
 * {@code ClassCastException} somewhere later.
 */
public final class ProcessVariable<T> {

  private final String name;
  private final Class<T> type;

  private ProcessVariable(String name, Class<T> type) {
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
  }

  public static ProcessVariable<String> string(String name) {
    return new ProcessVariable<>(name, String.class);
  }

  public static ProcessVariable<Integer> integer(String name) {
    return new ProcessVariable<>(name, Integer.class);
  }

  public static ProcessVariable<Long> longValue(String name) {
    return new ProcessVariable<>(name, Long.class);
  }

  public static ProcessVariable<Boolean> bool(String name) {
    return new ProcessVariable<>(name, Boolean.class);
  }

  public static ProcessVariable<Date> date(String name) {
    return new ProcessVariable<>(name, Date.class);
  }

  public String name() {
    return name;
  }

  /** The value visible from {@code scope}, or {@code null}. Never deserializes an object value. */
  public T get(VariableScope scope) {
    return unwrap(scope.getVariableTyped(name, false));
  }

  public T getLocal(VariableScope scope) {
    return unwrap(scope.getVariableLocalTyped(name, false));
  }

  /**
   * The value in a map of values by name, such as variables put together or a decision's result
   * entries, or {@code null}.
   */
  public T from(Map<String, ?> values) {
    if (values instanceof VariableMap variables) {
      return unwrap(variables.getValueTyped(name));
    }
    return cast(values.get(name));
  }

  /** Adds the value to variables being put together (a start, a decision's inputs). */
  public VariableMap put(VariableMap variables, T value) {
    return variables.putValue(name, value);
  }

  /** Sets the value on a running execution from outside the process. */
  public void set(RuntimeService runtimeService, String executionId, T value) {
    runtimeService.setVariable(executionId, name, value);
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, value);
  }

  private T unwrap(TypedValue typed) {
    if (typed instanceof ObjectValue object && !object.isDeserialized()) {
      throw new IllegalStateException(
          "流程变量 " + name + " 应为 " + type.getSimpleName() + "，实为对象 " + object.getObjectTypeName());
    }
    return cast(typed == null ? null : typed.getValue());
  }

  private T cast(Object value) {
    if (value == null) {
      return null;
    }
    if (!type.isInstance(value)) {
      throw new IllegalStateException(
          "流程变量 "
              + name
              + " 应为 "
              + type.getSimpleName()
              + "，实为 "
              + value.getClass().getSimpleName());
    }
    return type.cast(value);
  }

  @Override
  public String toString() {
    return name + ": " + type.getSimpleName();
  }
}
