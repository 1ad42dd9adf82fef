package cn.fazhiduban.inspection;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface InspectedUnitRepository extends JpaRepository<InspectedUnit, Long> {
  List<InspectedUnit> findByInspectionIdOrderById(long inspectionId);

  Optional<InspectedUnit> findByInspectionIdAndUnitCode(long inspectionId, String unitCode);

  List<InspectedUnit> findByInspectionIdIn(Collection<Long> inspectionIds);
}
