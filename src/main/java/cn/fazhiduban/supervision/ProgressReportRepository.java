package cn.fazhiduban.supervision;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProgressReportRepository extends JpaRepository<ProgressReport, Long> {

  Optional<ProgressReport> findFirstByWorkItemIdOrderByVersionDesc(Long workItemId);

  List<ProgressReport> findByWorkItemIdOrderByVersion(Long workItemId);
}
