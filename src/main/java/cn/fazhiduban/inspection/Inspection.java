package cn.fazhiduban.inspection;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** 法治督察: one inspection of one or more units, started by 依法治区办 with the inspection process. */
@Entity
@Table(name = "inspection")
public class Inspection {

  public enum Status {
    OPEN,
    CLOSED,
    CANCELLED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long planId;
  private String kind;
  private String topic;
  private String groupMembers;
  private LocalDate startsOn;
  private LocalDate endsOn;
  private Instant selfReportDue;
  private String startedBy;
  private Instant startedAt;

  @Enumerated(EnumType.STRING)
  private Status status;

  private Instant closedAt;
  private Instant reportDraftedAt;
  private String processInstanceId;

  protected Inspection() {}

  Inspection(
      long planId,
      String kind,
      String topic,
      List<String> groupMembers,
      LocalDate startsOn,
      LocalDate endsOn,
      Instant selfReportDue,
      String startedBy,
      Instant startedAt,
      String processInstanceId) {
    this.planId = planId;
    this.kind = kind;
    this.topic = topic;
    this.groupMembers = String.join(",", groupMembers);
    this.startsOn = startsOn;
    this.endsOn = endsOn;
    this.selfReportDue = selfReportDue;
    this.startedBy = startedBy;
    this.startedAt = startedAt;
    this.status = Status.OPEN;
    this.processInstanceId = processInstanceId;
  }

  void close(Instant at) {
    status = Status.CLOSED;
    closedAt = at;
    reportDraftedAt = at;
  }

  void cancel(Instant at) {
    status = Status.CANCELLED;
    closedAt = at;
  }

  public Long getId() {
    return id;
  }

  public Long getPlanId() {
    return planId;
  }

  public String getKind() {
    return kind;
  }

  public String getTopic() {
    return topic;
  }

  public List<String> groupMembers() {
    return Arrays.stream(groupMembers.split(",")).filter(s -> !s.isBlank()).toList();
  }

  public LocalDate getStartsOn() {
    return startsOn;
  }

  public LocalDate getEndsOn() {
    return endsOn;
  }

  public Instant getSelfReportDue() {
    return selfReportDue;
  }

  public String getStartedBy() {
    return startedBy;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Status getStatus() {
    return status;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public Instant getReportDraftedAt() {
    return reportDraftedAt;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }
}
