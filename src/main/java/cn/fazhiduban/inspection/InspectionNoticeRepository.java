package cn.fazhiduban.inspection;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface InspectionNoticeRepository extends JpaRepository<InspectionNotice, Long> {
  long countByUnitCodeAndPublishedAtGreaterThanEqualAndPublishedAtLessThan(
      String unitCode, Instant from, Instant to);

  List<InspectionNotice> findByInspectionIdOrderById(long inspectionId);

  List<InspectionNotice> findByPublishedAtGreaterThanEqualAndPublishedAtLessThanOrderById(
      Instant from, Instant to);

  boolean existsByFindingId(long findingId);
}
