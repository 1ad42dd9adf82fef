package cn.fazhiduban.unit;

import cn.fazhiduban.unit.UnitReference.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One consistent reading of the directory: units by code and by every name, collectives, the
 * placeholder. Names are matched as written, after folding half-width brackets to full-width and
 * dropping white space, so that 各党委(党组) finds 各党委（党组）.
 */
final class UnitIndex {

  /**
   * A collective name and whom it stands for: every unit of the kinds, and the units named by code.
   */
  record Collective(
      String name, List<String> aliases, List<UnitKind> memberKinds, List<String> members) {}

  private final Map<String, Unit> unitsByCode = new LinkedHashMap<>();
  private final Map<String, Unit> unitsByName = new HashMap<>();
  private final Map<String, Collective> collectivesByName = new HashMap<>();
  private final Set<String> placeholderNames = new LinkedHashSet<>();
  private final String placeholderName;

  UnitIndex(
      List<Unit> units,
      List<Collective> collectives,
      String placeholderName,
      List<String> placeholderAliases) {
    for (Unit unit : units) {
      if (unitsByCode.put(unit.code(), unit) != null) {
        throw new IllegalStateException("单位目录配置错误：单位编码重复 " + unit.code());
      }
      register(unitsByName, unit.name(), unit);
      unit.aliases().forEach(alias -> register(unitsByName, alias, unit));
    }
    for (Collective collective : collectives) {
      for (String code : collective.members()) {
        if (!unitsByCode.containsKey(code)) {
          throw new IllegalStateException(
              "单位目录配置错误：" + collective.name() + " 的成员 " + code + " 不在目录中");
        }
      }
      register(collectivesByName, collective.name(), collective);
      collective.aliases().forEach(alias -> register(collectivesByName, alias, collective));
    }
    this.placeholderName = placeholderName;
    placeholderNames.add(normalize(placeholderName));
    placeholderAliases.forEach(alias -> placeholderNames.add(normalize(alias)));
  }

  static UnitIndex of(UnitProperties properties) {
    List<Unit> units =
        properties.directory().stream()
            .map(
                entry ->
                    new Unit(
                        entry.code(), entry.name(), entry.kind(), List.copyOf(entry.aliases())))
            .toList();
    List<Collective> collectives =
        properties.collectives().stream()
            .map(
                c ->
                    new Collective(
                        c.name(),
                        List.copyOf(c.aliases()),
                        List.copyOf(c.memberKinds()),
                        List.copyOf(c.members())))
            .toList();
    return new UnitIndex(
        units, collectives, properties.placeholder().name(), properties.placeholder().aliases());
  }

  private static <T> void register(Map<String, T> index, String name, T value) {
    T previous = index.put(normalize(name), value);
    if (previous != null && !previous.equals(value)) {
      throw new IllegalStateException("单位目录配置错误：名称 " + name + " 指向两个不同的单位");
    }
  }

  static String normalize(String name) {
    return name.replace('(', '（').replace(')', '）').replaceAll("\\s+", "");
  }

  List<Unit> units() {
    return List.copyOf(unitsByCode.values());
  }

  Optional<Unit> byCode(String code) {
    return Optional.ofNullable(unitsByCode.get(code));
  }

  /** The unit that carries the name or alias, retired ones included. */
  Optional<Unit> unitNamed(String name) {
    return Optional.ofNullable(unitsByName.get(normalize(name)));
  }

  /**
   * The unit, collective or placeholder that a name (or alias) already stands for, retired units
   * included.
   */
  Optional<String> holderOf(String name) {
    String key = normalize(name);
    Unit unit = unitsByName.get(key);
    if (unit != null) {
      return Optional.of(unit.name() + (unit.retired() ? "（已撤销）" : "") + "（" + unit.code() + "）");
    }
    Collective collective = collectivesByName.get(key);
    if (collective != null) {
      return Optional.of("集合名称“" + collective.name() + "”");
    }
    return placeholderNames.contains(key)
        ? Optional.of("待定单位“" + placeholderName + "”")
        : Optional.empty();
  }

  String placeholderName() {
    return placeholderName;
  }

  UnitReference resolve(String writtenName) {
    String key = normalize(writtenName);
    Unit unit = unitsByName.get(key);
    if (unit != null && !unit.retired()) {
      return new UnitReference(writtenName, Type.UNIT, unit.name(), List.of(unit));
    }
    Collective collective = collectivesByName.get(key);
    if (collective != null) {
      return new UnitReference(
          writtenName, Type.COLLECTIVE, collective.name(), members(collective));
    }
    if (placeholderNames.contains(key)) {
      return new UnitReference(writtenName, Type.PLACEHOLDER, placeholderName, List.of());
    }
    // A retired unit gets no new work: its name no longer resolves, so the office maps it to its
    // successor.
    return new UnitReference(writtenName, Type.UNRESOLVED, writtenName, List.of());
  }

  private List<Unit> members(Collective collective) {
    Set<Unit> members = new LinkedHashSet<>();
    for (Unit unit : unitsByCode.values()) {
      if (collective.memberKinds().contains(unit.kind())) {
        members.add(unit);
      }
    }
    collective.members().forEach(code -> members.add(unitsByCode.get(code)));
    members.removeIf(Unit::retired);
    return Collections.unmodifiableList(new ArrayList<>(members));
  }
}
