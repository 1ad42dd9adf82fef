package cn.fazhiduban.supervision;

import cn.fazhiduban.plan.Plan;
import cn.fazhiduban.plan.PlanTask;
import cn.fazhiduban.web.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * Which plan tasks a round opened from Tasklist covers, as the start form says it: the whole plan
 * ({@code all}), chosen chapters ({@code chapters}, their numbers such as 一、三), or a list such as
 * {@code 1-10, 37, 42} ({@code list}). An explicit choice that names nothing is refused: "the whole
 * plan" is a choice of its own.
 */
public record TaskSelection(Scope scope, String chapters, String list) {

  public enum Scope {
    ALL,
    CHAPTERS,
    LIST
  }

  /** A range wider than this is a typo, not a plan (the largest plans have a few hundred tasks). */
  private static final int MAX_RANGE = 1000;

  private static final Pattern SEPARATORS = Pattern.compile("[,，、;；\\s]+");
  private static final Pattern ITEM =
      Pattern.compile("(\\d{1,5})(?:\\s*[-－–—~～至到]\\s*(\\d{1,5}))?");

  public static TaskSelection of(String scope, String chapters, String list) {
    Scope parsed =
        switch (scope == null ? "" : scope.strip()) {
          case "", "all" -> Scope.ALL;
          case "chapters" -> Scope.CHAPTERS;
          case "list" -> Scope.LIST;
          default -> throw invalid("请选择任务范围：全部任务、按章节或按编号。");
        };
    return new TaskSelection(parsed, chapters, list);
  }

  /** The chosen task numbers in plan order; {@code null} for the whole plan. */
  public List<Integer> numbers(Plan plan) {
    return switch (scope) {
      case ALL -> null;
      case CHAPTERS -> byChapter(plan);
      case LIST -> byNumber();
    };
  }

  private List<Integer> byChapter(Plan plan) {
    Set<String> wanted = new LinkedHashSet<>();
    for (String chapter : SEPARATORS.split(chapters == null ? "" : chapters.strip())) {
      if (!chapter.isEmpty()) {
        wanted.add(chapter);
      }
    }
    if (wanted.isEmpty()) {
      throw invalid("请至少选择一章。");
    }
    List<Integer> numbers = new ArrayList<>();
    Set<String> found = new LinkedHashSet<>();
    for (PlanTask task : plan.getTasks()) {
      if (wanted.contains(task.getChapter())) {
        numbers.add(task.getNumber());
        found.add(task.getChapter());
      }
    }
    wanted.removeAll(found);
    if (!wanted.isEmpty()) {
      throw invalid("方案中这些章节没有任务：" + String.join("、", wanted) + "。");
    }
    return numbers;
  }

  private List<Integer> byNumber() {
    String text = list == null ? "" : list.strip();
    if (text.isEmpty()) {
      throw invalid("任务清单是空的：请填写任务编号，如 1-10, 37, 42。");
    }
    Set<Integer> numbers = new LinkedHashSet<>();
    for (String item : SEPARATORS.split(text.replaceAll("\\s*([-－–—~～至到])\\s*", "$1"))) {
      if (item.isEmpty()) {
        continue;
      }
      Matcher m = ITEM.matcher(item);
      if (!m.matches()) {
        throw invalid("看不懂任务编号“" + item + "”：请写成 1-10, 37, 42 这样的形式。");
      }
      int from = Integer.parseInt(m.group(1));
      int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
      if (from < 1 || to < from || to - from >= MAX_RANGE) {
        throw invalid("任务编号范围“" + item + "”不对：起止编号应从 1 起、由小到大。");
      }
      for (int n = from; n <= to; n++) {
        numbers.add(n);
      }
    }
    if (numbers.isEmpty()) {
      throw invalid("任务清单是空的：请填写任务编号，如 1-10, 37, 42。");
    }
    return List.copyOf(numbers);
  }

  private static ApiException invalid(String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, "invalid-tasks", message);
  }
}
