package cn.fazhiduban.supervision;

import cn.fazhiduban.plan.PlanTask;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.List;

/**
 * A plan task as supervised in one round; its {@code task-supervision} instance has business key
 * roundId/taskNo.
 */
@Entity
@Table(name = "round_task")
public class RoundTask {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "round_id")
  private Long roundId;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "plan_task_id")
  private PlanTask planTask;

  @Column(name = "task_no")
  private int taskNo;

  @Column(name = "needs_assignment")
  private boolean needsAssignment;

  /** Comma-separated codes of the lead units, who review the reports. */
  @Column(name = "lead_units")
  private String leadUnits;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  protected RoundTask() {}

  public RoundTask(
      Long roundId, PlanTask planTask, boolean needsAssignment, List<String> leadUnits) {
    this.roundId = roundId;
    this.planTask = planTask;
    this.taskNo = planTask.getNumber();
    this.needsAssignment = needsAssignment;
    this.leadUnits = String.join(",", leadUnits);
  }

  public void started(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  /** The office named the units the plan left open. */
  public void assigned(List<String> leadUnits) {
    this.needsAssignment = false;
    this.leadUnits = String.join(",", leadUnits);
  }

  /** 任务名称 for lists: the task's first sentence, at most 40 characters. */
  public String title() {
    String text = planTask.getText();
    int end = text.indexOf('。');
    String sentence = end > 0 ? text.substring(0, end) : text;
    return sentence.codePointCount(0, sentence.length()) <= 40
        ? sentence
        : sentence.substring(0, sentence.offsetByCodePoints(0, 39)) + "…";
  }

  public List<String> leadUnits() {
    return leadUnits.isEmpty() ? List.of() : List.of(leadUnits.split(","));
  }

  public Long getId() {
    return id;
  }

  public Long getRoundId() {
    return roundId;
  }

  public PlanTask getPlanTask() {
    return planTask;
  }

  public int getTaskNo() {
    return taskNo;
  }

  public boolean isNeedsAssignment() {
    return needsAssignment;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }
}
