package cn.fazhiduban.supervision;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WorkItemRepository extends JpaRepository<WorkItem, Long> {

  List<WorkItem> findByRoundIdAndTaskNoOrderById(Long roundId, int taskNo);

  Optional<WorkItem> findByRoundIdAndTaskNoAndUnitCode(Long roundId, int taskNo, String unitCode);

  List<WorkItem> findByRoundIdOrderByTaskNoAscIdAsc(Long roundId);

  long countByRoundId(Long roundId);

  List<WorkItem> findByScopeActivityInstanceIdIn(java.util.Collection<String> activityInstanceIds);

  List<WorkItem> findByProcessInstanceId(String processInstanceId);

  List<WorkItem> findByStatusNotIn(java.util.Collection<WorkItemStatus> statuses);
}
