package cn.fazhiduban.plan;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Something odd the parser met on a line of the plan; kept so the office can look at it later. */
@Entity
@Table(name = "plan_warning")
public class PlanWarning {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private int line;
  private String message;

  protected PlanWarning() {}

  public PlanWarning(int line, String message) {
    this.line = line;
    this.message = message;
  }

  public int getLine() {
    return line;
  }

  public String getMessage() {
    return message;
  }
}
