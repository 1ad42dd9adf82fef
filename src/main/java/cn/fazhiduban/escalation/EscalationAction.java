package cn.fazhiduban.escalation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** 督办通知书 issued or 约谈 held by 依法治区办 about an overdue work item. */
@Entity
@Table(name = "escalation_action")
public class EscalationAction {

  public enum Kind {
    NOTICE,
    INTERVIEW
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "work_item_id")
  private Long workItemId;

  @Enumerated(EnumType.STRING)
  private Kind kind;

  private String text;
  private LocalDate deadline;

  @Column(name = "copy_to")
  private String copyTo;

  @Column(name = "held_on")
  private LocalDate heldOn;

  private String attendees;

  @Column(name = "recorded_by")
  private String recordedBy;

  @Column(name = "recorded_at")
  private Instant recordedAt;

  protected EscalationAction() {}

  public static EscalationAction notice(
      Long workItemId, String text, LocalDate deadline, String copyTo, String by, Instant at) {
    EscalationAction action = new EscalationAction(workItemId, Kind.NOTICE, text, by, at);
    action.deadline = deadline;
    action.copyTo = copyTo;
    return action;
  }

  public static EscalationAction interview(
      Long workItemId, LocalDate heldOn, String attendees, String minutes, String by, Instant at) {
    EscalationAction action = new EscalationAction(workItemId, Kind.INTERVIEW, minutes, by, at);
    action.heldOn = heldOn;
    action.attendees = attendees;
    return action;
  }

  private EscalationAction(
      Long workItemId, Kind kind, String text, String recordedBy, Instant recordedAt) {
    this.workItemId = workItemId;
    this.kind = kind;
    this.text = text;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  public Kind getKind() {
    return kind;
  }

  public String getText() {
    return text;
  }

  public LocalDate getDeadline() {
    return deadline;
  }

  public LocalDate getHeldOn() {
    return heldOn;
  }

  public String getAttendees() {
    return attendees;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}
