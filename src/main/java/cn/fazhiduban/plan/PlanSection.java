package cn.fazhiduban.plan;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "plan_section")
public class PlanSection {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private int ordinal;
  private String number;
  private String title;

  protected PlanSection() {}

  public PlanSection(int ordinal, String number, String title) {
    this.ordinal = ordinal;
    this.number = number;
    this.title = title;
  }

  public String getNumber() {
    return number;
  }

  public String getTitle() {
    return title;
  }
}
