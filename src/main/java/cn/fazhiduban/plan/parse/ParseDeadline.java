package cn.fazhiduban.plan.parse;

import java.time.Duration;

/**
 * The time a parse may take. The parser's loops call {@link #check()}; past the deadline it throws
 * {@link PlanParseException#TOO_SLOW}, so the parse stops on the thread that runs it and nothing is
 * left running. Measured with {@link System#nanoTime()}, which counts elapsed time and says nothing
 * about the date.
 */
final class ParseDeadline {

  static final ParseDeadline NONE = new ParseDeadline(null);

  private final Duration limit;
  private final long startNanos;

  private ParseDeadline(Duration limit) {
    this.limit = limit;
    this.startNanos = System.nanoTime();
  }

  static ParseDeadline after(Duration limit) {
    return limit == null ? NONE : new ParseDeadline(limit);
  }

  void check() {
    if (limit != null && System.nanoTime() - startNanos > limit.toNanos()) {
      throw new PlanParseException(
          PlanParseException.TOO_SLOW,
          "方案解析超过" + seconds() + "秒仍未完成，已停止。" + "文件中可能有异常重复或极长的内容；请检查文件，或拆分后分别导入。",
          null);
    }
  }

  private String seconds() {
    long millis = limit.toMillis();
    return millis % 1000 == 0
        ? Long.toString(millis / 1000)
        : String.format("%.1f", millis / 1000.0);
  }
}
