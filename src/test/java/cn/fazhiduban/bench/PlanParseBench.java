package cn.fazhiduban.bench;

import cn.fazhiduban.plan.parse.ParsedPlan;
import cn.fazhiduban.plan.parse.PlanParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Parse time against input size: synthetic plans of about 100 KB, 1 MB and 5 MB (chapters,
 * sections, tasks with unit annotations, label lines and dates), each parsed without a deadline
 * after a warm-up, best of three. Prints one JSON line, {@code {"parse_ms_by_kb": {"100": …,
 * "1000": …, "5000": …}, "parse_cpu_ms_by_kb": {…}}}: elapsed time, and the parsing thread's CPU
 * time, which a busy machine disturbs less. The sizes can be given as arguments (in KB). Linear
 * reading shows as milliseconds that grow in proportion to the size.
 */
public final class PlanParseBench {

  private static final LocalDate REFERENCE_DATE = LocalDate.of(2024, 1, 1);
  private static final int RUNS = 3;

  private PlanParseBench() {}

  public static void main(String[] args) {
    int[] sizes =
        args.length == 0
            ? new int[] {100, 1000, 5000}
            : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    PlanParser parser = new PlanParser();
    PlanParser.Options noDeadline = new PlanParser.Options(null, null);
    for (int i = 0; i < 3; i++) {
      parser.parse(plan(200), REFERENCE_DATE, noDeadline); // warm-up
    }
    Map<Integer, Long> millis = new LinkedHashMap<>();
    Map<Integer, Long> cpuMillis = new LinkedHashMap<>();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int kb : sizes) {
      String text = plan(kb);
      long best = Long.MAX_VALUE;
      long bestCpu = Long.MAX_VALUE;
      for (int run = 0; run < RUNS; run++) {
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        ParsedPlan plan = parser.parse(text, REFERENCE_DATE, noDeadline);
        best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
        bestCpu = Math.min(bestCpu, (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
        if (plan.tasks().isEmpty()) {
          throw new IllegalStateException("the synthetic plan gave no task");
        }
      }
      millis.put(kb, best);
      cpuMillis.put(kb, bestCpu);
    }
    System.out.println(
        "{\"parse_ms_by_kb\": "
            + json(millis)
            + ", \"parse_cpu_ms_by_kb\": "
            + json(cpuMillis)
            + "}");
  }

  private static String json(Map<Integer, Long> millis) {
    return "{"
        + millis.entrySet().stream()
            .map(e -> "\"" + e.getKey() + "\": " + e.getValue())
            .collect(Collectors.joining(", "))
        + "}";
  }

  /**
   * A plan of about {@code kb} kilobytes (UTF-8): chapters of three sections of five tasks each,
   * numbered 1–15 in every chapter (as many plans do; the parser renumbers them), with the
   * annotation styles plans use.
   */
  static String plan(int kb) {
    StringBuilder text =
        new StringBuilder("某区法治政府建设任务分解方案（2024—2026年）\n\n某区全面依法治区委员会\n2024年1月15日\n\n");
    long bytes = text.toString().getBytes(StandardCharsets.UTF_8).length;
    int chapter = 0;
    while (bytes < kb * 1024L) {
      chapter++;
      StringBuilder part = new StringBuilder();
      part.append(chineseNumber((chapter - 1) % 99 + 1))
          .append("、加强第")
          .append(chapter)
          .append("方面的法治建设\n");
      int task = 0;
      for (int section = 1; section <= 3; section++) {
        part.append("（")
            .append(chineseNumber(section))
            .append("）推进第")
            .append(section)
            .append("项重点工作\n");
        for (int i = 0; i < 5; i++) {
          task++;
          part.append(task)
              .append(".健全行政执法工作体系，完善执法程序，规范执法行为，2025年6月底前完成第")
              .append(chapter)
              .append("章第")
              .append(task)
              .append("项制度的修订工作。");
          switch (task % 4) {
            case 0 -> part.append("（区司法局牵头，各街道办事处、区级有关部门按职责分工负责）\n");
            case 1 -> part.append("（区市场监管局会同区商务局办理）\n");
            case 2 -> part.append("\n牵头单位：区政府办公室\n责任单位：区大数据局、区司法局\n");
            default -> part.append("（区发展改革委、区财政局共同负责，各部门配合）\n");
          }
        }
      }
      bytes += part.toString().getBytes(StandardCharsets.UTF_8).length;
      text.append(part);
    }
    return text.toString();
  }

  private static String chineseNumber(int n) {
    String digits = "零一二三四五六七八九";
    if (n < 10) {
      return String.valueOf(digits.charAt(n));
    }
    int tens = n / 10;
    int ones = n % 10;
    return (tens == 1 ? "" : String.valueOf(digits.charAt(tens)))
        + "十"
        + (ones == 0 ? "" : digits.charAt(ones));
  }
}
