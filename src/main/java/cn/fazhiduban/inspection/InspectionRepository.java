package cn.fazhiduban.inspection;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface InspectionRepository extends JpaRepository<Inspection, Long> {
  List<Inspection> findAllByOrderByStartedAtDesc();

  List<Inspection> findByStatus(Inspection.Status status);

  Optional<Inspection> findByProcessInstanceId(String processInstanceId);
}
