package cn.fazhiduban.supervision;

import cn.fazhiduban.unit.Unit;
import java.util.List;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * Units as the options of a Camunda Forms checklist: a Json variable [{"label": name, "value":
 * code}].
 */
final class UnitOptions {

  private UnitOptions() {}

  static JsonValue of(List<Unit> units) {
    SpinJsonNode options = Spin.JSON("[]");
    for (Unit unit : units) {
      SpinJsonNode option = Spin.JSON("{}");
      option.prop("label", unit.name());
      option.prop("value", unit.code());
      options.append(option);
    }
    return SpinValues.jsonValue(options).create();
  }
}
