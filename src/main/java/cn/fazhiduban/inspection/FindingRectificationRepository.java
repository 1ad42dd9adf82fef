package cn.fazhiduban.inspection;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface FindingRectificationRepository extends JpaRepository<FindingRectification, Long> {
  List<FindingRectification> findByFindingIdOrderById(long findingId);

  Optional<FindingRectification> findFirstByFindingIdAndDecisionIsNullOrderByIdDesc(long findingId);
}
