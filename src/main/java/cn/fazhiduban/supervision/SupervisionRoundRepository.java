package cn.fazhiduban.supervision;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SupervisionRoundRepository extends JpaRepository<SupervisionRound, Long> {}
