package cn.fazhiduban.engine;

import java.util.Date;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;
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
    return cast(scope.getVariableTyped(name, false));
  }

  public T getLocal(VariableScope scope) {
    return cast(scope.getVariableLocalTyped(name, false));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, value);
  }

  private T cast(TypedValue value) {
    if (value instanceof ObjectValue object && !object.isDeserialized()) {
      throw new IllegalStateException(
          "流程变量 " + name + " 应为 " + type.getSimpleName() + "，实为对象 " + object.getObjectTypeName());
    }
    if (value == null || value.getValue() == null) {
      return null;
    }
    if (!type.isInstance(value.getValue())) {
      throw new IllegalStateException(
          "流程变量 "
              + name
              + " 应为 "
              + type.getSimpleName()
              + "，实为 "
              + value.getValue().getClass().getSimpleName());
    }
    return type.cast(value.getValue());
  }

  @Override
  public String toString() {
    return name + ": " + type.getSimpleName();
  }
}
