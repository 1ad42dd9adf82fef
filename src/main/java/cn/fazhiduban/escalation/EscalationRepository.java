package cn.fazhiduban.escalation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EscalationRepository extends JpaRepository<Escalation, Long> {

  Optional<Escalation> findFirstByWorkItemIdAndStatus(Long workItemId, Escalation.Status status);

  List<Escalation> findByWorkItemIdOrderById(Long workItemId);

  Optional<Escalation> findFirstByProcessInstanceIdAndStatus(
      String processInstanceId, Escalation.Status status);

  List<Escalation> findByStatusOrderBySinceDescIdDesc(Escalation.Status status);

  List<Escalation> findAllByOrderBySinceDescIdDesc();

  long countByWorkItemIdAndStatusAndClosedByIn(
      Long workItemId, Escalation.Status status, List<Escalation.ClosedBy> closedBy);
}
