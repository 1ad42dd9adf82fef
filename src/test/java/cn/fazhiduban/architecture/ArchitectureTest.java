package cn.fazhiduban.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import cn.fazhiduban.engine.EngineClock;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house rules of the structure: package dependencies run one way, from the bottom up {@code
 * web, engine, calendar, notify → unit → identity → security → plan → supervision → escalation →
 * reporting → inspection → webapp → demo}; a lower package that must react to a higher one offers
 * an event or an SPI. And one clock: "now" comes from {@link EngineClock}, the engine's, so a test
 * that moves the engine clock moves everything.
 */
class ArchitectureTest {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("cn.fazhiduban");

  @Test
  void featurePackagesHaveNoCycles() {
    slices().matching("cn.fazhiduban.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void dependenciesRunOneWay() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("base")
        .definedBy(
            "cn.fazhiduban.web..",
            "cn.fazhiduban.engine..",
            "cn.fazhiduban.calendar..",
            "cn.fazhiduban.notify..")
        .layer("unit")
        .definedBy("cn.fazhiduban.unit..")
        .layer("identity")
        .definedBy("cn.fazhiduban.identity..")
        .layer("security")
        .definedBy("cn.fazhiduban.security..")
        .layer("plan")
        .definedBy("cn.fazhiduban.plan..")
        .layer("supervision")
        .definedBy("cn.fazhiduban.supervision..")
        .layer("escalation")
        .definedBy("cn.fazhiduban.escalation..")
        .optionalLayer("reporting")
        .definedBy("cn.fazhiduban.reporting..")
        .optionalLayer("inspection")
        .definedBy("cn.fazhiduban.inspection..")
        .layer("webapp")
        .definedBy("cn.fazhiduban.webapp..")
        .layer("demo")
        .definedBy("cn.fazhiduban.demo..")
        .whereLayer("demo")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("webapp")
        .mayOnlyBeAccessedByLayers("demo")
        .whereLayer("inspection")
        .mayOnlyBeAccessedByLayers("webapp", "demo")
        .whereLayer("reporting")
        .mayOnlyBeAccessedByLayers("inspection", "webapp", "demo")
        .whereLayer("escalation")
        .mayOnlyBeAccessedByLayers("reporting", "inspection", "webapp", "demo")
        .whereLayer("supervision")
        .mayOnlyBeAccessedByLayers("escalation", "reporting", "inspection", "webapp", "demo")
        .whereLayer("plan")
        .mayOnlyBeAccessedByLayers(
            "supervision", "escalation", "reporting", "inspection", "webapp", "demo")
        .whereLayer("security")
        .mayOnlyBeAccessedByLayers(
            "plan", "supervision", "escalation", "reporting", "inspection", "webapp", "demo")
        .whereLayer("identity")
        .mayOnlyBeAccessedByLayers(
            "security",
            "plan",
            "supervision",
            "escalation",
            "reporting",
            "inspection",
            "webapp",
            "demo")
        .whereLayer("unit")
        .mayOnlyBeAccessedByLayers(
            "identity",
            "security",
            "plan",
            "supervision",
            "escalation",
            "reporting",
            "inspection",
            "webapp",
            "demo")
        .check(MAIN);
  }

  /** Ways of asking the JVM or the engine for "now" behind the engine clock's back. */
  private static final Set<String> NOW_OWNERS =
      Set.of(
          "java.time.LocalDate",
          "java.time.LocalDateTime",
          "java.time.LocalTime",
          "java.time.Instant",
          "java.time.ZonedDateTime",
          "java.time.OffsetDateTime",
          "java.time.Year",
          "java.time.YearMonth");

  @Test
  void nowComesFromTheEngineClock() {
    noClasses()
        .that()
        .doNotBelongToAnyOf(EngineClock.class)
        .should()
        .callMethodWhere(
            describe(
                "a read of the current time",
                (JavaCall<?> call) ->
                    (NOW_OWNERS.contains(call.getTargetOwner().getName())
                            && call.getName().equals("now"))
                        || call.getTargetOwner().getName().equals("java.lang.System")
                            && call.getName().equals("currentTimeMillis")
                        || call.getTargetOwner().getName().equals("java.time.Clock")
                            && call.getName().startsWith("system")))
        .orShould()
        .callConstructorWhere(
            describe(
                "new Date()",
                call ->
                    call.getTargetOwner().getName().equals("java.util.Date")
                        && call.getTarget().getRawParameterTypes().isEmpty()))
        .orShould()
        .accessClassesThat()
        .haveFullyQualifiedName("org.camunda.bpm.engine.impl.util.ClockUtil")
        .because("EngineClock is the one clock; tests move it with the engine's")
        .check(MAIN);
  }

  private static final String VALUE = "org.springframework.beans.factory.annotation.Value";

  @Test
  void settingsAreBoundAsPropertiesRecords() {
    classes()
        .should(
            new ArchCondition<>("not inject settings with @Value") {
              @Override
              public void check(JavaClass item, ConditionEvents events) {
                Stream.concat(
                        item.getFields().stream()
                            .filter(field -> field.isAnnotatedWith(VALUE))
                            .map(JavaField::getFullName),
                        item.getCodeUnits().stream()
                            .filter(
                                unit ->
                                    unit.isAnnotatedWith(VALUE)
                                        || unit.getParameters().stream()
                                            .anyMatch(
                                                parameter -> parameter.isAnnotatedWith(VALUE)))
                            .map(JavaCodeUnit::getFullName))
                    .forEach(place -> events.add(SimpleConditionEvent.violated(item, place)));
              }
            })
        .because(
            "each area's settings are one @ConfigurationProperties record, bound and checked on"
                + " start, with its defaults in application.yaml only")
        .check(MAIN);
  }
}
