package cn.fazhiduban.plan;

import cn.fazhiduban.unit.UnitReference;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A unit named by a task: the name as written, and what the unit directory made of it at import.
 * Collective names stay collective here; they expand to their members when a supervision round
 * opens.
 */
@Entity
@Table(name = "plan_task_unit")
public class PlanTaskUnit {

  public enum Role {
    LEAD,
    RESPONSIBLE
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  private Role role;

  private int ordinal;

  @Column(name = "written_name")
  private String writtenName;

  @Enumerated(EnumType.STRING)
  @Column(name = "ref_type")
  private UnitReference.Type refType;

  @Column(name = "unit_code")
  private String unitCode;

  @Column(name = "canonical_name")
  private String canonicalName;

  protected PlanTaskUnit() {}

  public PlanTaskUnit(Role role, int ordinal, UnitReference reference) {
    this.role = role;
    this.ordinal = ordinal;
    this.writtenName = reference.writtenName();
    this.refType = reference.type();
    this.unitCode =
        reference.type() == UnitReference.Type.UNIT ? reference.units().get(0).code() : null;
    this.canonicalName = reference.canonicalName();
  }

  public Role getRole() {
    return role;
  }

  public String getWrittenName() {
    return writtenName;
  }

  public UnitReference.Type getRefType() {
    return refType;
  }

  public String getUnitCode() {
    return unitCode;
  }

  public String getCanonicalName() {
    return canonicalName;
  }
}
