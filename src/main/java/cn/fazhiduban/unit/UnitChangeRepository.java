package cn.fazhiduban.unit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UnitChangeRepository extends JpaRepository<UnitChange, Long> {

  List<UnitChange> findByUnitCodeOrderById(String unitCode);
}
