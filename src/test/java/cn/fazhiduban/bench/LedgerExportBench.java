package cn.fazhiduban.bench;

import cn.fazhiduban.FazhiDubanApplication;
import cn.fazhiduban.plan.PlanRepository;
import cn.fazhiduban.reporting.LedgerExporter;
import cn.fazhiduban.supervision.RoundService;
import cn.fazhiduban.supervision.RoundService.OpenRound;
import cn.fazhiduban.supervision.Viewer;
import cn.fazhiduban.supervision.WorkItemRepository;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Measures the 台账 export of a whole-plan round (the shipped plan, every task, about 1,700 work
 * items): wall time of each of five exports and the peak heap while exporting. Not a test: run it
 * on a quiet machine with the heap limit the target names, e.g.
 *
 * <pre>
 * mvn -q -o -Dbpmnlint.skip=true test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp.txt
 * java -Xmx512m -cp target/test-classes:target/classes:$(cat target/bench-cp.txt) cn.fazhiduban.bench.LedgerExportBench
 * </pre>
 *
 * It prints one JSON line last: {@code {"ledger_export_s": …, "heap_peak_mb": …, "work_items": …}}.
 */
public final class LedgerExportBench {

  private LedgerExportBench() {}

  public static void main(String[] args) throws Exception {
    SpringApplication application = new SpringApplication(FazhiDubanApplication.class);
    // the shipped plan and unit directory (demo mode), in a fresh in-memory database; system
    // properties win over
    // application.yaml, unless DUBAN_DB_URL is given to measure on PostgreSQL
    System.setProperty("server.port", "0");
    System.setProperty("logging.level.root", "WARN");
    System.setProperty("duban.demo.enabled", "true");
    if (System.getenv("DUBAN_DB_URL") == null) {
      System.setProperty("spring.datasource.url", "jdbc:h2:mem:ledger-bench;DB_CLOSE_DELAY=-1");
    }
    try (ConfigurableApplicationContext context = application.run()) {
      long planId =
          context.getBean(PlanRepository.class).findAll().stream()
              .filter(plan -> plan.getTitle().startsWith("重庆两江新区"))
              .findFirst()
              .orElseThrow()
              .getId();
      RoundService.Opened round =
          context
              .getBean(RoundService.class)
              .open(
                  new OpenRound(
                      planId, "台账基准", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(30), null),
                  "yfzqb1");
      waitForWorkItems(context, round);
      long items = context.getBean(WorkItemRepository.class).countByRoundId(round.id());
      LedgerExporter exporter = context.getBean(LedgerExporter.class);
      Viewer everyone = new Viewer(true, Set.of());
      double[] seconds = new double[5];
      CountingStream sink = new CountingStream();
      System.gc();
      resetPeaks();
      for (int i = 0; i < seconds.length; i++) {
        sink.bytes = 0;
        long start = System.nanoTime();
        exporter.write(round.id(), everyone, sink);
        seconds[i] = (System.nanoTime() - start) / 1e9;
        System.out.printf("台账导出 %d：%d 个工作事项，%.2f 秒，%d 字节%n", i + 1, items, seconds[i], sink.bytes);
      }
      long peak = heapPeakBytes();
      Arrays.sort(seconds);
      System.out.printf(
          "{\"ledger_export_s\": %.2f, \"ledger_export_max_s\": %.2f, \"heap_peak_mb\": %d, "
              + "\"work_items\": %d, \"max_heap_mb\": %d}%n",
          seconds[seconds.length / 2],
          seconds[seconds.length - 1],
          peak / (1024 * 1024),
          items,
          Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }
    System.exit(0);
  }

  /**
   * The round opens its task instances in the background (job executor); waits until every task has
   * its items.
   */
  private static void waitForWorkItems(
      ConfigurableApplicationContext context, RoundService.Opened round)
      throws InterruptedException {
    RuntimeService runtime = context.getBean(RuntimeService.class);
    WorkItemRepository workItems = context.getBean(WorkItemRepository.class);
    long last = -1;
    int stable = 0;
    for (int i = 0; i < 600 && stable < 5; i++) {
      Thread.sleep(
          1000); // a benchmark main, not a test: it waits for the job executor in real time
      long now = workItems.countByRoundId(round.id());
      long instances =
          runtime.createProcessInstanceQuery().processDefinitionKey("task-supervision").count();
      stable = now == last && instances >= round.tasks() ? stable + 1 : 0;
      last = now;
    }
  }

  private static void resetPeaks() {
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long heapPeakBytes() {
    return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .toList();
  }

  private static final class CountingStream extends OutputStream {
    long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      bytes += len;
    }
  }
}
