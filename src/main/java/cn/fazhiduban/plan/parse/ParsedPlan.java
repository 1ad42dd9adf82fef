package cn.fazhiduban.plan.parse;

import java.time.LocalDate;
import java.util.List;

/**
 * What {@link PlanParser} reads out of a plan document. Nothing here is resolved against the unit
 * directory.
 */
public record ParsedPlan(
    String title,
    String issuer,
    LocalDate issuedOn,
    List<Chapter> chapters,
    List<ParsedTask> tasks,
    List<ParseWarning> warnings) {

  public record Chapter(String number, String title, List<Section> sections) {}

  public record Section(String number, String title) {}

  public record Milestone(LocalDate due, String text) {}

  public record ParseWarning(int line, String message) {}
}
