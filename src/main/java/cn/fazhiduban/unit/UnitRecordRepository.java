package cn.fazhiduban.unit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UnitRecordRepository extends JpaRepository<UnitRecord, String> {

  @Query("select distinct u from UnitRecord u left join fetch u.aliases order by u.ordinal")
  List<UnitRecord> findAllWithAliases();

  @Query("select coalesce(max(u.ordinal), 0) from UnitRecord u")
  int maxOrdinal();
}
