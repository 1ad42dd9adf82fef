package cn.fazhiduban.unit;

import cn.fazhiduban.unit.UnitProperties.CollectiveEntry;
import cn.fazhiduban.unit.UnitProperties.UnitEntry;
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
import org.springframework.stereotype.Component;

/**
 * The units of the district and the collective names that stand for several of them. Names are matched as written,
 * after folding half-width brackets to full-width and dropping white space, so that 各党委(党组) finds 各党委（党组）.
 */
@Component
public class UnitDirectory {

  private final Map<String, Unit> unitsByCode = new LinkedHashMap<>();
  private final Map<String, Unit> unitsByName = new HashMap<>();
  private final Map<String, CollectiveEntry> collectivesByName = new HashMap<>();
  private final Set<String> placeholderNames = new LinkedHashSet<>();
  private final String placeholderName;

  public UnitDirectory(UnitProperties properties) {
    for (UnitEntry entry : properties.directory()) {
      Unit unit = new Unit(entry.code(), entry.name(), entry.kind(), List.copyOf(entry.aliases()));
      if (unitsByCode.put(unit.code(), unit) != null) {
        throw new IllegalStateException("单位目录配置错误：单位编码重复 " + unit.code());
      }
      register(unitsByName, entry.name(), unit);
      entry.aliases().forEach(alias -> register(unitsByName, alias, unit));
    }
    for (CollectiveEntry collective : properties.collectives()) {
      for (String code : collective.members()) {
        if (!unitsByCode.containsKey(code)) {
          throw new IllegalStateException("单位目录配置错误：" + collective.name() + " 的成员 " + code + " 不在目录中");
        }
      }
      register(collectivesByName, collective.name(), collective);
      collective.aliases().forEach(alias -> register(collectivesByName, alias, collective));
    }
    placeholderName = properties.placeholder().name();
    placeholderNames.add(normalize(placeholderName));
    properties.placeholder().aliases().forEach(alias -> placeholderNames.add(normalize(alias)));
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

  public List<Unit> units() {
    return List.copyOf(unitsByCode.values());
  }

  public Optional<Unit> byCode(String code) {
    return Optional.ofNullable(unitsByCode.get(code));
  }

  public String placeholderName() {
    return placeholderName;
  }

  /** Resolves one unit name as a plan writes it. */
  public UnitReference resolve(String writtenName) {
    String key = normalize(writtenName);
    Unit unit = unitsByName.get(key);
    if (unit != null) {
      return new UnitReference(writtenName, Type.UNIT, unit.name(), List.of(unit));
    }
    CollectiveEntry collective = collectivesByName.get(key);
    if (collective != null) {
      return new UnitReference(writtenName, Type.COLLECTIVE, collective.name(), members(collective));
    }
    if (placeholderNames.contains(key)) {
      return new UnitReference(writtenName, Type.PLACEHOLDER, placeholderName, List.of());
    }
    return new UnitReference(writtenName, Type.UNRESOLVED, writtenName, List.of());
  }

  private List<Unit> members(CollectiveEntry collective) {
    Set<Unit> members = new LinkedHashSet<>();
    for (Unit unit : unitsByCode.values()) {
      if (collective.memberKinds().contains(unit.kind())) {
        members.add(unit);
      }
    }
    collective.members().forEach(code -> members.add(unitsByCode.get(code)));
    return Collections.unmodifiableList(new ArrayList<>(members));
  }
}
