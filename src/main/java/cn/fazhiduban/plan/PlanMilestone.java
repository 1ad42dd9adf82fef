package cn.fazhiduban.plan;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A dated target in a task's text, such as 2023年底前实现…. */
@Entity
@Table(name = "plan_milestone")
public class PlanMilestone {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private LocalDate due;
  private String text;

  protected PlanMilestone() {}

  public PlanMilestone(LocalDate due, String text) {
    this.due = due;
    this.text = text;
  }

  public LocalDate getDue() {
    return due;
  }

  public String getText() {
    return text;
  }
}
