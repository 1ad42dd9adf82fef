package cn.fazhiduban.escalation;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The notice owed for one escalation at one level. Written in the engine's transaction; unique per
 * escalation and level, so a retried timer job can never owe, or send, the same notice twice.
 * {@code sentAt} is set when it went.
 */
@Entity
@Table(name = "escalation_notice")
public class EscalationNotice {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "escalation_id")
  private Long escalationId;

  @Convert(converter = EscalationLevelConverter.class)
  private EscalationLevel level;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  protected EscalationNotice() {}

  EscalationNotice(Long escalationId, EscalationLevel level, Instant createdAt) {
    this.escalationId = escalationId;
    this.level = level;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public Long getEscalationId() {
    return escalationId;
  }

  public EscalationLevel getLevel() {
    return level;
  }

  public Instant getSentAt() {
    return sentAt;
  }
}
