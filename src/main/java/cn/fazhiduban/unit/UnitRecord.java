package cn.fazhiduban.unit;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A row of the unit directory; {@link Unit} is its read-only view. */
@Entity
@Table(name = "org_unit")
class UnitRecord {

  @Id private String code;

  private String name;

  /** The directory's order: units.yaml's order, then the order units were added in. */
  private int ordinal;

  @Enumerated(EnumType.STRING)
  private UnitKind kind;

  private boolean retired;

  @Column(name = "retired_at")
  private Instant retiredAt;

  @ElementCollection
  @CollectionTable(name = "org_unit_alias", joinColumns = @JoinColumn(name = "unit_code"))
  @Column(name = "alias")
  @OrderBy
  private List<String> aliases = new ArrayList<>();

  protected UnitRecord() {}

  UnitRecord(String code, String name, UnitKind kind, List<String> aliases, int ordinal) {
    this.code = code;
    this.ordinal = ordinal;
    this.name = name;
    this.kind = kind;
    this.aliases.addAll(aliases);
  }

  Unit toUnit() {
    return new Unit(code, name, kind, List.copyOf(aliases), retired);
  }

  String getCode() {
    return code;
  }

  String getName() {
    return name;
  }

  void setName(String name) {
    this.name = name;
  }

  List<String> getAliases() {
    return aliases;
  }

  boolean isRetired() {
    return retired;
  }

  void retire(Instant at) {
    this.retired = true;
    this.retiredAt = at;
  }
}
