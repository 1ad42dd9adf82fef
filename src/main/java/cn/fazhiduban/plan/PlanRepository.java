package cn.fazhiduban.plan;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PlanRepository extends JpaRepository<Plan, Long> {

  Optional<Plan> findByContentHash(String contentHash);

  /** id, title, issuer, issued on, imported at, task count; one query for the plan list. */
  @Query(
      """
      select new cn.fazhiduban.plan.PlanSummary(p.id, p.title, p.issuer, p.issuedOn, p.importedAt, p.importedBy,
             size(p.tasks))
      from Plan p order by p.importedAt desc, p.id desc""")
  List<PlanSummary> summaries();
}
