package cn.fazhiduban.escalation;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface EscalationNoticeRepository extends JpaRepository<EscalationNotice, Long> {

  /** Claims a notice for sending: 1 for the one caller that may send it, 0 for everyone else. */
  @Modifying
  @Query("update EscalationNotice n set n.sentAt = ?2 where n.id = ?1 and n.sentAt is null")
  int claim(Long id, Instant at);

  List<EscalationNotice> findByEscalationIdOrderById(Long escalationId);

  /** Notices owed since before {@code before} and not sent yet, oldest first. */
  List<EscalationNotice> findTop100BySentAtIsNullAndCreatedAtBeforeOrderById(Instant before);
}
