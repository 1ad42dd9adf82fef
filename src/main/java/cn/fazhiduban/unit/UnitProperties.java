package cn.fazhiduban.unit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The unit directory as configured in {@code units.yaml}. */
@Validated
@ConfigurationProperties("duban.units")
public record UnitProperties(
    @Valid @NotNull Placeholder placeholder,
    @Valid @NotNull List<UnitEntry> directory,
    @Valid List<CollectiveEntry> collectives) {

  public UnitProperties {
    collectives = collectives == null ? List.of() : collectives;
  }

  public record Placeholder(@NotBlank String name, List<String> aliases) {
    public Placeholder {
      aliases = aliases == null ? List.of() : aliases;
    }
  }

  /** Camunda accepts only ASCII ids, so a unit's code (its group id) is ASCII. */
  public record UnitEntry(
      @NotBlank @Pattern(regexp = "[a-z][a-z0-9]{1,40}") String code,
      @NotBlank String name,
      @NotNull UnitKind kind,
      List<String> aliases) {
    public UnitEntry {
      aliases = aliases == null ? List.of() : aliases;
    }
  }

  public record CollectiveEntry(
      @NotBlank String name,
      List<String> aliases,
      List<UnitKind> memberKinds,
      List<String> members) {
    public CollectiveEntry {
      aliases = aliases == null ? List.of() : aliases;
      memberKinds = memberKinds == null ? List.of() : memberKinds;
      members = members == null ? List.of() : members;
    }
  }
}
