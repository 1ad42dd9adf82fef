package cn.fazhiduban.escalation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EscalationActionRepository extends JpaRepository<EscalationAction, Long> {

  List<EscalationAction> findByWorkItemIdOrderById(Long workItemId);
}
