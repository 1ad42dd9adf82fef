package cn.fazhiduban.plan;

import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code GET /api/plans}. */
public record PlanSummary(
    Long id,
    String title,
    String issuer,
    LocalDate issuedOn,
    Instant importedAt,
    String importedBy,
    int tasks) {}
