package cn.fazhiduban.unit;

import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.unit.UnitChange.Action;
import cn.fazhiduban.unit.UnitEvents.UnitAdded;
import cn.fazhiduban.unit.UnitEvents.UnitRenamed;
import cn.fazhiduban.unit.UnitEvents.UnitRetired;
import cn.fazhiduban.web.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to the unit directory at run time: add, rename, aliases, retire. Each change is recorded
 * (who, when, before, after) and published as an event in the same transaction, so that the unit's
 * Camunda group and grants change with the table or not at all. Bad input is refused with a Chinese
 * message.
 */
@Service
public class UnitService {

  /**
   * The engine's id whitelist for group ids, narrowed to what units.yaml uses: lower-case ASCII.
   */
  static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]{1,40}");

  static final int MAX_NAME = 100;

  private final UnitRecordRepository units;
  private final UnitChangeRepository changes;
  private final UnitDirectory directory;
  private final ApplicationEventPublisher events;
  private final EngineClock clock;

  UnitService(
      UnitRecordRepository units,
      UnitChangeRepository changes,
      UnitDirectory directory,
      ApplicationEventPublisher events,
      EngineClock clock) {
    this.units = units;
    this.changes = changes;
    this.directory = directory;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  public Unit add(String code, String name, UnitKind kind, List<String> aliases, String by) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw invalid("单位编码须以小写英文字母开头，只含小写英文字母和数字，共 2 到 41 位（如 sfj、jdrh），" + "因为它也是该单位在流程引擎中的用户组编号。");
    }
    if (kind == null) {
      throw invalid("请选择单位类别。");
    }
    if (units.existsById(code)) {
      throw invalid("单位编码“" + code + "”已被使用，请换一个。");
    }
    String cleanName = name(name);
    List<String> cleanAliases = aliases(aliases, cleanName);
    for (String each : concat(cleanName, cleanAliases)) {
      taken(each, null);
    }
    UnitRecord record =
        units.saveAndFlush(
            new UnitRecord(code, cleanName, kind, cleanAliases, units.maxOrdinal() + 1));
    Unit unit = record.toUnit();
    record(code, Action.ADDED, by, null, unit);
    events.publishEvent(new UnitAdded(unit));
    return unit;
  }

  /**
   * Renames the unit (the old name stays as an alias, so plans that still write it resolve) and/or
   * replaces its aliases; {@code null} leaves that part as it is.
   */
  @Transactional
  public Unit update(String code, String newName, List<String> newAliases, String by) {
    UnitRecord record = find(code);
    Unit before = record.toUnit();
    String name = newName == null ? record.getName() : name(newName);
    boolean renamed = !name.equals(record.getName());
    List<String> aliases =
        newAliases == null ? new ArrayList<>(record.getAliases()) : aliases(newAliases, name);
    if (renamed && !aliases.contains(record.getName())) {
      aliases.add(record.getName());
    }
    aliases.remove(name);
    for (String each : concat(name, aliases)) {
      taken(each, code);
    }
    record.setName(name);
    record.getAliases().clear();
    record.getAliases().addAll(aliases);
    units.saveAndFlush(record);
    Unit after = record.toUnit();
    if (after.equals(before)) {
      return after;
    }
    record(code, renamed ? Action.RENAMED : Action.ALIASES, by, before, after);
    if (renamed) {
      events.publishEvent(new UnitRenamed(after, before.name()));
    }
    return after;
  }

  /**
   * Remembers a name as written in a plan as an alias of the unit (the office mapped it while
   * checking a plan).
   */
  @Transactional
  public Unit addAlias(String code, String alias, String by) {
    UnitRecord record = find(code);
    String clean = name(alias);
    if (clean.equals(record.getName()) || record.getAliases().contains(clean)) {
      return record.toUnit();
    }
    List<String> aliases = new ArrayList<>(record.getAliases());
    aliases.add(clean);
    return update(code, null, aliases, by);
  }

  /**
   * The unit gets no new work from now on; its open work, group and grants stay until closed or
   * rerouted.
   */
  @Transactional
  public Unit retire(String code, String by) {
    UnitRecord record = find(code);
    if (record.isRetired()) {
      return record.toUnit();
    }
    if (record.toUnit().kind() == UnitKind.OFFICE) {
      throw invalid("依法治区办不能撤销：它负责督办。");
    }
    Unit before = record.toUnit();
    record.retire(clock.now());
    units.saveAndFlush(record);
    Unit after = record.toUnit();
    record(code, Action.RETIRED, by, before, after);
    events.publishEvent(new UnitRetired(after));
    return after;
  }

  public List<UnitChange> changesOf(String code) {
    return changes.findByUnitCodeOrderById(code);
  }

  private UnitRecord find(String code) {
    return Optional.ofNullable(code)
        .flatMap(units::findById)
        .orElseThrow(
            () -> new ApiException(HttpStatus.NOT_FOUND, "not-found", "单位“" + code + "”不在单位目录中。"));
  }

  private void record(String code, Action action, String by, Unit before, Unit after) {
    changes.save(
        new UnitChange(
            code,
            action,
            by,
            clock.now(),
            before == null ? null : UnitJson.of(before),
            UnitJson.of(after)));
    directory.changed();
  }

  /** Refuses a name or alias that another unit, a collective or the placeholder already carries. */
  private void taken(String name, String ownCode) {
    if (ownCode != null
        && directory.unitNamed(name).map(Unit::code).filter(ownCode::equals).isPresent()) {
      return;
    }
    directory
        .holderOf(name)
        .ifPresent(
            holder -> {
              throw invalid("名称“" + name + "”已被 " + holder + " 使用，同一名称只能指向一个单位。");
            });
  }

  private static String name(String name) {
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty()) {
      throw invalid("请填写单位名称。");
    }
    if (clean.length() > MAX_NAME) {
      throw invalid("单位名称最多 " + MAX_NAME + " 字。");
    }
    if (clean.chars().anyMatch(c -> c == '<' || c == '>' || Character.isISOControl(c))) {
      throw invalid("单位名称不能含有尖括号或控制字符。");
    }
    return clean;
  }

  private static List<String> aliases(List<String> aliases, String name) {
    Set<String> clean = new LinkedHashSet<>();
    for (String alias : aliases == null ? List.<String>of() : aliases) {
      clean.add(name(alias));
    }
    clean.remove(name);
    if (clean.size() > 50) {
      throw invalid("一个单位最多 50 个别名。");
    }
    return new ArrayList<>(clean);
  }

  private static List<String> concat(String name, List<String> aliases) {
    List<String> all = new ArrayList<>();
    all.add(name);
    all.addAll(aliases);
    return all;
  }

  private static ApiException invalid(String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, "invalid-unit", message);
  }
}
