package cn.fazhiduban;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.engine.TuningProperties;
import cn.fazhiduban.plan.PlanProperties;
import cn.fazhiduban.security.LimitsProperties;
import cn.fazhiduban.security.LoginProperties;
import cn.fazhiduban.supervision.SupervisionProperties;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;

/**
 * Each area's settings record binds from {@code application.yaml} alone (the defaults live there
 * and nowhere else, no {@code @Value} repeats them) and passes its own checks; a value outside them
 * is refused on start.
 */
class SettingsTest {

  private static Binder shipped;
  private static ValidatorFactory validators;
  private static Validator validator;

  @BeforeAll
  static void readTheShippedYaml() throws IOException {
    MutablePropertySources sources = new MutablePropertySources();
    new YamlPropertySourceLoader()
        .load("application.yaml", new ClassPathResource("application.yaml"))
        .forEach(sources::addLast);
    // placeholders such as ${DUBAN_WARNING_DAYS:3} resolve against the file only: their defaults
    shipped =
        new Binder(
            ConfigurationPropertySources.from(sources),
            new PropertySourcesPlaceholdersResolver(sources));
    validators = Validation.buildDefaultValidatorFactory();
    validator = validators.getValidator();
  }

  @AfterAll
  static void close() {
    validators.close();
  }

  static Stream<Arguments> areas() {
    return Stream.of(
        Arguments.of("duban.supervision", SupervisionProperties.class),
        Arguments.of("duban.plan", PlanProperties.class),
        Arguments.of("duban.login", LoginProperties.class),
        Arguments.of("duban.tuning", TuningProperties.class),
        Arguments.of("duban.limits", LimitsProperties.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("areas")
  void theShippedDefaultsBindAndPassTheirChecks(String prefix, Class<?> record) {
    Object bound =
        shipped
            .bind(prefix, record)
            .orElseThrow(() -> new AssertionError("application.yaml 中没有 " + prefix));
    assertThat(validator.validate(bound)).as(prefix).isEmpty();
  }

  @Test
  void theShippedValuesAreTheDocumentedOnes() {
    assertThat(shipped.bind("duban.login", LoginProperties.class).get())
        .isEqualTo(new LoginProperties(20, Duration.ofMinutes(15)));
    assertThat(shipped.bind("duban.plan", PlanProperties.class).get())
        .isEqualTo(new PlanProperties(Duration.ofSeconds(10)));
    assertThat(shipped.bind("duban.supervision", SupervisionProperties.class).get())
        .isEqualTo(new SupervisionProperties(3, 3));
    assertThat(shipped.bind("duban.tuning", TuningProperties.class).get().engineIndexes()).isTrue();
  }

  @Test
  void valuesOutsideTheChecksAreRefused() {
    assertThat(validator.validate(new LoginProperties(0, Duration.ofMinutes(15))))
        .as("no failure allowed at all")
        .hasSize(1);
    assertThat(validator.validate(new LoginProperties(20, null))).as("no window").hasSize(1);
    assertThat(validator.validate(new PlanProperties(null))).as("no parse deadline").hasSize(1);
    assertThat(validator.validate(new SupervisionProperties(61, 3))).hasSize(1);
  }
}
