package cn.fazhiduban.supervision;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RoundTaskRepository extends JpaRepository<RoundTask, Long> {

  Optional<RoundTask> findByRoundIdAndTaskNo(Long roundId, int taskNo);

  @Query("select t from RoundTask t join fetch t.planTask where t.roundId = ?1 order by t.taskNo")
  List<RoundTask> findByRoundIdOrderByTaskNo(Long roundId);

  @Query("select t.taskNo from RoundTask t where t.roundId = ?1 order by t.taskNo")
  List<Integer> taskNumbers(Long roundId);
}
