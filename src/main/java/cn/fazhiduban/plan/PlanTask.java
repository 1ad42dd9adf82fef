package cn.fazhiduban.plan;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** One numbered task of a plan, with its units as written and as resolved. */
@Entity
@Table(name = "plan_task")
public class PlanTask {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private int number;
  private String chapter;
  private String section;
  private String text;
  private String annotation;

  @Column(name = "by_division")
  private boolean byDivision;

  @Column(name = "needs_assignment")
  private boolean needsAssignment;

  private int line;

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "task_id", nullable = false)
  @OrderBy("role, ordinal")
  private List<PlanTaskUnit> units = new ArrayList<>();

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "task_id", nullable = false)
  @OrderBy("due")
  private List<PlanMilestone> milestones = new ArrayList<>();

  protected PlanTask() {}

  public PlanTask(
      int number,
      String chapter,
      String section,
      String text,
      String annotation,
      boolean byDivision,
      boolean needsAssignment,
      int line) {
    this.number = number;
    this.chapter = chapter;
    this.section = section;
    this.text = text;
    this.annotation = annotation;
    this.byDivision = byDivision;
    this.needsAssignment = needsAssignment;
    this.line = line;
  }

  public Long getId() {
    return id;
  }

  public int getNumber() {
    return number;
  }

  public String getChapter() {
    return chapter;
  }

  public String getSection() {
    return section;
  }

  public String getText() {
    return text;
  }

  public String getAnnotation() {
    return annotation;
  }

  public boolean isByDivision() {
    return byDivision;
  }

  public boolean isNeedsAssignment() {
    return needsAssignment;
  }

  public int getLine() {
    return line;
  }

  public List<PlanTaskUnit> getUnits() {
    return units;
  }

  public List<PlanTaskUnit> unitsIn(PlanTaskUnit.Role role) {
    return units.stream().filter(unit -> unit.getRole() == role).toList();
  }

  public List<PlanMilestone> getMilestones() {
    return milestones;
  }
}
