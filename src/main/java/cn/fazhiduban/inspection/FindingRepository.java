package cn.fazhiduban.inspection;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface FindingRepository extends JpaRepository<Finding, Long> {
  List<Finding> findByInspectedUnitIdOrderById(long inspectedUnitId);

  List<Finding> findByInspectionIdOrderById(long inspectionId);

  List<Finding> findByUnitCodeAndFoundAtGreaterThanEqualAndFoundAtLessThan(
      String unitCode, Instant from, Instant to);

  List<Finding> findByUnitCodeAndOverdueSinceGreaterThanEqualAndOverdueSinceLessThan(
      String unitCode, Instant from, Instant to);

  List<Finding> findByStatusIn(Collection<Finding.Status> statuses);

  List<Finding> findByFoundAtGreaterThanEqualAndFoundAtLessThanOrderById(Instant from, Instant to);
}
