package cn.fazhiduban.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change to the unit directory: who, when, and the unit before and after (JSON). */
@Entity
@Table(name = "org_unit_change")
public class UnitChange {

  public enum Action {
    SEEDED,
    ADDED,
    RENAMED,
    ALIASES,
    RETIRED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "unit_code")
  private String unitCode;

  @Enumerated(EnumType.STRING)
  private Action action;

  @Column(name = "changed_by")
  private String changedBy;

  @Column(name = "changed_at")
  private Instant changedAt;

  @Column(name = "before_state")
  private String before;

  @Column(name = "after_state")
  private String after;

  protected UnitChange() {}

  UnitChange(
      String unitCode,
      Action action,
      String changedBy,
      Instant changedAt,
      String before,
      String after) {
    this.unitCode = unitCode;
    this.action = action;
    this.changedBy = changedBy;
    this.changedAt = changedAt;
    this.before = before;
    this.after = after;
  }

  public Long getId() {
    return id;
  }

  public String getUnitCode() {
    return unitCode;
  }

  public Action getAction() {
    return action;
  }

  public String getChangedBy() {
    return changedBy;
  }

  public Instant getChangedAt() {
    return changedAt;
  }

  public String getBefore() {
    return before;
  }

  public String getAfter() {
    return after;
  }
}
