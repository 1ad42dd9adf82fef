package cn.fazhiduban.unit;

import org.springframework.data.jpa.repository.JpaRepository;

interface CollectiveRecordRepository extends JpaRepository<CollectiveRecord, Long> {}
