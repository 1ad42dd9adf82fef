package cn.fazhiduban.plan;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PlanCorrectionRepository extends JpaRepository<PlanCorrection, Long> {

  List<PlanCorrection> findByPlanIdOrderById(Long planId);
}
