package cn.fazhiduban.supervision;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SupervisionRoundRepository extends JpaRepository<SupervisionRound, Long> {

  Optional<SupervisionRound> findByProcessInstanceId(String processInstanceId);
}
