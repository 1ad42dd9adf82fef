package cn.fazhiduban.supervision;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewOpinionRepository extends JpaRepository<ReviewOpinion, Long> {

  List<ReviewOpinion> findByWorkItemIdOrderById(Long workItemId);
}
