package cn.fazhiduban.supervision;

import cn.fazhiduban.plan.PlanTask;
import cn.fazhiduban.plan.PlanTaskUnit;
import cn.fazhiduban.plan.PlanTaskUnit.Role;
import cn.fazhiduban.unit.Unit;
import cn.fazhiduban.unit.UnitDirectory;
import cn.fazhiduban.unit.UnitReference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Expands a plan task's units, as the directory knows them today, into the units that review (lead
 * units) and the units that report (responsible units; collective names become their members). A
 * task whose reporters are only the placeholder 有关部门 waits for the office to name them.
 */
@Component
public class TaskUnits {

  private final UnitDirectory directory;

  public TaskUnits(UnitDirectory directory) {
    this.directory = directory;
  }

  /** The units of one task; {@code unknown} lists names the directory does not know. */
  public record Expanded(
      List<Unit> leads, List<Unit> reporters, boolean needsAssignment, List<String> unknown) {}

  public Expanded expand(PlanTask task) {
    Set<String> unknown = new LinkedHashSet<>();
    Set<Unit> leads = collect(task.unitsIn(Role.LEAD), unknown);
    Set<Unit> reporters = collect(task.unitsIn(Role.RESPONSIBLE), unknown);
    boolean onlyPlaceholders =
        reporters.isEmpty()
            && task.unitsIn(Role.RESPONSIBLE).stream()
                .anyMatch(u -> u.getRefType() == UnitReference.Type.PLACEHOLDER);
    if (reporters.isEmpty() && !onlyPlaceholders) {
      // A task that names only lead units is done by them.
      reporters.addAll(leads);
    }
    boolean needsAssignment = task.isNeedsAssignment() || reporters.isEmpty();
    return new Expanded(
        List.copyOf(leads),
        needsAssignment ? List.of() : List.copyOf(reporters),
        needsAssignment,
        List.copyOf(unknown));
  }

  private Set<Unit> collect(List<PlanTaskUnit> written, Set<String> unknown) {
    Set<Unit> units = new LinkedHashSet<>();
    for (PlanTaskUnit unit : written) {
      UnitReference reference = directory.resolve(unit.getWrittenName());
      if (reference.type() == UnitReference.Type.UNRESOLVED) {
        unknown.add(unit.getWrittenName());
      }
      units.addAll(reference.units());
    }
    return units;
  }

  public List<String> codes(List<Unit> units) {
    return new ArrayList<>(units.stream().map(Unit::code).toList());
  }
}
