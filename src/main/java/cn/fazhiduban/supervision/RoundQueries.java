package cn.fazhiduban.supervision;

import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.web.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads rounds for people: work-item rows and progress with 红黄绿灯, limited to what the viewer may
 * see.
 */
@Service
@Transactional(readOnly = true)
class RoundQueries {

  private final SupervisionRoundRepository rounds;
  private final RoundTaskRepository roundTasks;
  private final WorkItemRepository workItems;
  private final Duration warningWindow;
  private final EngineClock clock;

  RoundQueries(
      SupervisionRoundRepository rounds,
      RoundTaskRepository roundTasks,
      WorkItemRepository workItems,
      SupervisionProperties properties,
      EngineClock clock) {
    this.rounds = rounds;
    this.roundTasks = roundTasks;
    this.workItems = workItems;
    this.warningWindow = Duration.ofDays(properties.warningDays());
    this.clock = clock;
  }

  record WorkItemRow(
      int taskNo,
      String unit,
      String unitCode,
      WorkItemStatus status,
      Instant dueAt,
      Instant reportedAt,
      Instant closedAt,
      String escalationLevel,
      String processInstanceId,
      Light light) {}

  record Tally(long total, Map<WorkItemStatus, Long> counts, Light light) {}

  record UnitTally(
      String unitCode, String unit, long total, Map<WorkItemStatus, Long> counts, Light light) {}

  record ChapterTally(String chapter, long total, Map<WorkItemStatus, Long> counts, Light light) {}

  record Progress(
      long roundId,
      String label,
      Instant reportDue,
      String status,
      Tally totals,
      List<UnitTally> byUnit,
      List<ChapterTally> byChapter) {}

  record RoundView(
      long id,
      long planId,
      String label,
      Instant reportDue,
      String status,
      String processInstanceId,
      Instant openedAt,
      Instant closedAt,
      long workItems) {}

  List<RoundView> rounds() {
    return rounds.findAll().stream().map(this::view).toList();
  }

  RoundView round(long id) {
    return view(find(id));
  }

  List<WorkItemRow> workItems(long roundId, Viewer viewer, String unit, WorkItemStatus status) {
    find(roundId);
    Instant now = clock.now();
    return workItems.findByRoundIdOrderByTaskNoAscIdAsc(roundId).stream()
        .filter(item -> viewer.sees(item.getUnitCode()))
        .filter(
            item ->
                unit == null
                    || unit.isBlank()
                    || unit.equals(item.getUnitCode())
                    || unit.equals(item.getUnitName()))
        .filter(item -> status == null || item.getStatus() == status)
        .map(
            item ->
                new WorkItemRow(
                    item.getTaskNo(),
                    item.getUnitName(),
                    item.getUnitCode(),
                    item.getStatus(),
                    item.getDueAt(),
                    item.getReportedAt(),
                    item.getClosedAt(),
                    item.getEscalationLevel(),
                    item.getProcessInstanceId(),
                    Light.of(item, now, warningWindow)))
        .toList();
  }

  Progress progress(long roundId, Viewer viewer) {
    SupervisionRound round = find(roundId);
    Instant now = clock.now();
    Map<Integer, String> chapters = new HashMap<>();
    roundTasks
        .findByRoundIdOrderByTaskNo(roundId)
        .forEach(task -> chapters.put(task.getTaskNo(), task.getPlanTask().getChapter()));
    List<WorkItem> items =
        workItems.findByRoundIdOrderByTaskNoAscIdAsc(roundId).stream()
            .filter(item -> viewer.sees(item.getUnitCode()))
            .toList();
    Tally totals = tally(items, now);
    List<UnitTally> byUnit =
        group(items, WorkItem::getUnitCode).entrySet().stream()
            .map(
                e -> {
                  Tally t = tally(e.getValue(), now);
                  return new UnitTally(
                      e.getKey(),
                      e.getValue().get(0).getUnitName(),
                      t.total(),
                      t.counts(),
                      t.light());
                })
            .toList();
    List<ChapterTally> byChapter =
        group(items, item -> String.valueOf(chapters.get(item.getTaskNo()))).entrySet().stream()
            .map(
                e -> {
                  Tally t = tally(e.getValue(), now);
                  return new ChapterTally(e.getKey(), t.total(), t.counts(), t.light());
                })
            .toList();
    return new Progress(
        round.getId(),
        round.getLabel(),
        round.getReportDue(),
        round.getStatus().name(),
        totals,
        byUnit,
        byChapter);
  }

  private Tally tally(List<WorkItem> items, Instant now) {
    Map<WorkItemStatus, Long> counts = new EnumMap<>(WorkItemStatus.class);
    for (WorkItemStatus status : WorkItemStatus.values()) {
      counts.put(status, 0L);
    }
    Light light = Light.GREEN;
    for (WorkItem item : items) {
      counts.merge(item.getStatus(), 1L, Long::sum);
      light = light.worst(Light.of(item, now, warningWindow));
    }
    return new Tally(items.size(), counts, light);
  }

  private static <K> Map<K, List<WorkItem>> group(List<WorkItem> items, Function<WorkItem, K> key) {
    Map<K, List<WorkItem>> groups = new LinkedHashMap<>();
    for (WorkItem item : items) {
      groups.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item);
    }
    return groups;
  }

  private RoundView view(SupervisionRound round) {
    return new RoundView(
        round.getId(),
        round.getPlanId(),
        round.getLabel(),
        round.getReportDue(),
        round.getStatus().name(),
        round.getProcessInstanceId(),
        round.getOpenedAt(),
        round.getClosedAt(),
        workItems.countByRoundId(round.getId()));
  }

  private SupervisionRound find(long id) {
    return rounds.findById(id).orElseThrow(() -> ApiException.notFound("督办轮次 " + id));
  }
}
