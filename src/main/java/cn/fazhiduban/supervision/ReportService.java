package cn.fazhiduban.supervision;

import static cn.fazhiduban.engine.FormValues.invalid;

import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.supervision.OfficeCheck.Decision;
import cn.fazhiduban.supervision.SupervisionEvents.ItemRectified;
import cn.fazhiduban.supervision.SupervisionEvents.ItemReported;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What units and reviewers submit on a work item (进展报告, 审核意见, 检查结论, 整改), kept in our tables inside
 * the engine's transaction. Submissions publish {@link SupervisionEvents} for the features that
 * react to them.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class ReportService {

  private final WorkItemRepository workItems;
  private final ProgressReportRepository reports;
  private final ReviewOpinionRepository reviews;
  private final OfficeCheckRepository checks;
  private final RectificationRepository rectifications;
  private final RoundRecords records;
  private final SupervisionTimers timers;
  private final EngineClock clock;
  private final ApplicationEventPublisher events;

  ReportService(
      WorkItemRepository workItems,
      ProgressReportRepository reports,
      ReviewOpinionRepository reviews,
      OfficeCheckRepository checks,
      RectificationRepository rectifications,
      RoundRecords records,
      SupervisionTimers timers,
      EngineClock clock,
      ApplicationEventPublisher events) {
    this.workItems = workItems;
    this.reports = reports;
    this.reviews = reviews;
    this.checks = checks;
    this.rectifications = rectifications;
    this.records = records;
    this.timers = timers;
    this.clock = clock;
    this.events = events;
  }

  /** A unit submitted its report; where nobody reviews it, it counts as approved at once. */
  public void reportSubmitted(WorkItem item, ReportForm form, boolean reviewed, String user) {
    int version =
        reports
            .findFirstByWorkItemIdOrderByVersionDesc(item.getId())
            .map(r -> r.getVersion() + 1)
            .orElse(1);
    Instant now = clock.now();
    reports.save(new ProgressReport(item.getId(), version, form, user, now));
    item.reported(now);
    if (!reviewed) {
      item.approved(now);
    }
    events.publishEvent(new ItemReported(item.getId()));
  }

  /** A lead unit decided on the latest report. */
  public void reportReviewed(
      WorkItem item, ReviewOpinion.Decision decision, String opinion, String user) {
    ProgressReport report =
        reports
            .findFirstByWorkItemIdOrderByVersionDesc(item.getId())
            .orElseThrow(() -> new IllegalStateException("审核时找不到进展报告：" + item.getUnitCode()));
    Instant now = clock.now();
    reviews.save(new ReviewOpinion(item.getId(), report.getId(), decision, opinion, user, now));
    if (decision == ReviewOpinion.Decision.RETURNED) {
      item.returned(now);
    } else {
      item.approved(now);
    }
  }

  /**
   * The office passed the task, or named units to rectify by a deadline (then returns when that is
   * due).
   */
  public Instant taskChecked(
      long roundId,
      int taskNo,
      Decision decision,
      List<String> rectifyUnits,
      String requirement,
      LocalDate deadline,
      String user) {
    RoundTask task = records.roundTask(roundId, taskNo);
    Instant now = clock.now();
    if (decision == Decision.PASSED) {
      checks.save(new OfficeCheck(task.getId(), decision, null, null, user, now));
      return null;
    }
    if (rectifyUnits.isEmpty()) {
      throw invalid(TaskSupervision.Variables.RECTIFY_UNITS, "请选择需要整改的单位。");
    }
    if (deadline.isBefore(clock.today())) {
      throw invalid(TaskSupervision.Variables.RECTIFY_DEADLINE, "整改期限不能早于今天。");
    }
    List<WorkItem> items = new ArrayList<>();
    for (String code : new LinkedHashSet<>(rectifyUnits)) {
      WorkItem item =
          workItems
              .findByRoundIdAndTaskNoAndUnitCode(roundId, taskNo, code)
              .filter(found -> !found.getStatus().isFinal())
              .orElseThrow(
                  () ->
                      invalid(
                          TaskSupervision.Variables.RECTIFY_UNITS,
                          "整改单位“" + records.unitName(code) + "”不是本任务的承办单位。"));
      items.add(item);
    }
    OfficeCheck check =
        checks.save(new OfficeCheck(task.getId(), decision, requirement, deadline, user, now));
    Instant due = timers.dueAtEndOfWorkingDay(deadline);
    for (WorkItem item : items) {
      rectifications.save(new Rectification(item.getId(), check.getId(), requirement, deadline));
      item.rectifying(now, due);
    }
    return due;
  }

  /** A unit reported its rectification; the office checks again. */
  public void rectificationSubmitted(
      WorkItem item, String measures, String result, List<String> evidence, String user) {
    Rectification rectification = openRectification(item);
    Instant now = clock.now();
    rectification.submitted(measures, result, evidence, user, now);
    item.reported(now);
    events.publishEvent(new ItemRectified(item.getId()));
  }

  Rectification openRectification(WorkItem item) {
    return rectifications
        .findFirstByWorkItemIdAndStatusOrderByIdDesc(item.getId(), Rectification.Status.ORDERED)
        .orElseThrow(() -> new IllegalStateException("找不到待整改记录：" + item.getUnitCode()));
  }
}
