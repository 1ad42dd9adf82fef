package cn.fazhiduban;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.plan.parse.ParsedPlan;
import cn.fazhiduban.plan.parse.ParsedTask;
import cn.fazhiduban.plan.parse.PlanParser;
import cn.fazhiduban.unit.Unit;
import cn.fazhiduban.unit.UnitDirectory;
import cn.fazhiduban.unit.UnitKind;
import cn.fazhiduban.unit.UnitProperties;
import cn.fazhiduban.unit.UnitReference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The one test of the data a district ships: {@code units.yaml} and the plan in {@code plans/}.
 * Every other test stands on its own fixtures; this one checks that the shipped directory binds as
 * the application binds it and that every unit the shipped plan names resolves in it, so that a
 * fresh demo imports the plan without unresolved units.
 */
class ShippedDataTest {

  @Test
  void theShippedPlanResolvesAgainstTheShippedUnitDirectory() throws IOException {
    UnitDirectory directory = shippedDirectory();
    assertThat(directory.units())
        .allSatisfy(unit -> assertThat(unit.groupId()).matches("[a-z][a-z0-9]+"));
    assertThat(directory.units()).extracting(Unit::kind).contains(UnitKind.OFFICE, UnitKind.STREET);

    ParsedPlan plan = new PlanParser().parse(shippedPlan(), LocalDate.of(2024, 1, 1));
    assertThat(plan.title()).isEqualTo("重庆两江新区法治政府建设任务分解方案（2021—2025年）");
    assertThat(plan.tasks()).hasSize(74);
    List<String> unresolved =
        plan.tasks().stream()
            .flatMap(
                task -> Stream.concat(task.leadUnits().stream(), task.responsibleUnits().stream()))
            .distinct()
            .filter(name -> directory.resolve(name).type() == UnitReference.Type.UNRESOLVED)
            .toList();
    assertThat(unresolved).as("演示方案中在单位目录里找不到的单位").isEmpty();
    assertThat(plan.tasks()).filteredOn(ParsedTask::needsAssignment).isNotEmpty();
  }

  private static UnitDirectory shippedDirectory() throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    new YamlPropertySourceLoader()
        .load("units", new ClassPathResource("units.yaml"))
        .forEach(source -> environment.getPropertySources().addFirst(source));
    return new UnitDirectory(
        Binder.get(environment).bind("duban.units", UnitProperties.class).get());
  }

  private static String shippedPlan() throws IOException {
    try (InputStream in =
        new ClassPathResource("plans/liangjiang-plan-2021-2025.txt").getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
