package cn.fazhiduban.supervision;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RectificationRepository extends JpaRepository<Rectification, Long> {

  List<Rectification> findByWorkItemIdOrderById(Long workItemId);

  Optional<Rectification> findFirstByWorkItemIdAndStatusOrderByIdDesc(
      Long workItemId, Rectification.Status status);
}
