package cn.fazhiduban.unit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** A unit as the change record keeps it. */
final class UnitJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private UnitJson() {}

  static String of(Unit unit) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("code", unit.code());
    map.put("name", unit.name());
    map.put("kind", unit.kind().name());
    map.put("aliases", unit.aliases());
    map.put("retired", unit.retired());
    try {
      return MAPPER.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
