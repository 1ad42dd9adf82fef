package cn.fazhiduban.plan;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PlanImportDraftRepository extends JpaRepository<PlanImportDraft, String> {

  @Query("select d.processInstanceId from PlanImportDraft d")
  List<String> findAllIds();
}
