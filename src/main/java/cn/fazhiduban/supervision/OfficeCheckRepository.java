package cn.fazhiduban.supervision;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OfficeCheckRepository extends JpaRepository<OfficeCheck, Long> {

  List<OfficeCheck> findByRoundTaskIdOrderById(Long roundTaskId);
}
