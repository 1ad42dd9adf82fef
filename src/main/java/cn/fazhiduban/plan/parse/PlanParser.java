package cn.fazhiduban.plan.parse;

import cn.fazhiduban.plan.parse.ParsedPlan.Chapter;
import cn.fazhiduban.plan.parse.ParsedPlan.Milestone;
import cn.fazhiduban.plan.parse.ParsedPlan.ParseWarning;
import cn.fazhiduban.plan.parse.PlanBodyParser.ChapterDraft;
import cn.fazhiduban.plan.parse.UnitAnnotationParser.Found;
import cn.fazhiduban.plan.parse.UnitAnnotationParser.Units;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a 法治政府建设任务分解方案 (or a similar plan of numbered tasks) from plain text, as {@link
 * PlanDocumentReader} produces it.
 *
 * <p>What it reads:
 *
 * <ul>
 *   <li><b>Header</b> (the lines before the first chapter or task): the title is the last block of
 *       short heading lines that names a 方案/计划/要点/清单… (lines split by the layout are joined, blank
 *       lines between them skipped), else the name inside 关于印发《…》的通知. The issuer is the
 *       organisation line just above the first stand-alone date line ({@code 2022年8月26日}, also
 *       {@code 二〇二二年八月二十六日}), else the one before 关于印发. The plan's year, used for dates without a
 *       year, is the issue year, else the first year of a {@code 2021—2025年} range in the title,
 *       else the year of the reference date the caller passes (today, on the engine's clock).
 *   <li><b>Structure and tasks</b>: see {@link PlanBodyParser} (chapters, sections, task numbering
 *       styles, tables).
 *   <li><b>Units</b>: see {@link UnitAnnotationParser}. 责任单位, 配合单位 and 协办单位 all become responsible
 *       units, in the order they appear; lead units are kept apart. {@code X负责} means X is
 *       responsible, with no lead unit and not "by division". {@code byDivision} is set when the
 *       annotation says 按职责分工负责 (or 分别负责) and names no lead unit. {@code needsAssignment} is set
 *       when every unit is the placeholder {@code 有关部门}, or there is none.
 *   <li><b>Milestones</b>: see {@link MilestoneExtractor}; a 完成时限 label or column adds its dates
 *       too.
 *   <li><b>Numbering</b>: numbers are kept as written when they are unique. When they restart in
 *       every chapter, or repeat, the tasks are renumbered 1…n in order of appearance, with one
 *       warning. Tasks without a number (a table without a 序号 column) are numbered in order of
 *       appearance.
 * </ul>
 *
 * <p>Traditional script ({@code 牽頭}, {@code 負責}, {@code 區}) is read through {@link Traditional}:
 * when a plan holds traditional characters, its known ones are simplified before reading, with one
 * warning.
 *
 * <p>Odd lines never fail the import; they give {@link ParseWarning}s with their line numbers: a
 * task without a lead unit, a unit the directory does not know (when the caller passes {@link
 * Options#knownUnit()}), an annotation found but not understood (quoted), text that went into no
 * task. Only text in which no task can be found is rejected with {@link
 * PlanParseException#NOT_A_PLAN}, whose message says what was looked for and quotes the first
 * lines.
 *
 * <p>Every step is linear in the size of the text, and every parse has a deadline ({@link
 * Options#deadline()}); past it the parse stops with {@link PlanParseException#TOO_SLOW} on the
 * calling thread.
 *
 * <p>Thread-safe and stateless.
 */
public class PlanParser {

  private static final Pattern DATE_LINE =
      Pattern.compile(
          "^(?:(\\S.*?)\\s+)?(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日(?:印发|发布)?$");
  private static final Pattern CN_DATE_LINE =
      Pattern.compile(
          "^(?:(\\S.*?)\\s+)?([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日(?:印发|发布)?$");
  private static final Pattern ORGANISATION =
      Pattern.compile("(?:委员会|人民政府|政府|办公室|办公厅|管委会|党工委|党委|委|办|局|部|院|中心|小组|厅|处|公司)$");
  private static final Pattern TITLE_WORD = Pattern.compile("方案|计划|要点|清单|分工|安排|措施|台账|规划|任务|意见|细则");
  private static final Pattern NOTICE_TITLE = Pattern.compile("印发\\s*《([^《》\\n]{1,200})》");
  private static final Pattern YEAR_RANGE = Pattern.compile("(\\d{4})\\s*[—–\\-－~～至到]+\\s*\\d{4}");
  private static final Pattern ANY_YEAR = Pattern.compile("(\\d{4})\\s*年");
  private static final String SENTENCE_PUNCTUATION = "。，,；;：:！!？?";

  /** The title of a plan whose title could not be found: a plan is always stored with one. */
  static final String UNTITLED = "未命名的任务分解方案";

  // Limits that keep every value within the columns that store it.
  private static final int MAX_TITLE = 200;
  private static final int MAX_UNIT_NAME = 100;
  private static final int MAX_TEXT = 20000;
  private static final int MAX_ANNOTATION = 2000;
  private static final int MAX_MESSAGE = 1000;
  private static final int MAX_DATE_LINE = 80;

  /**
   * Share of control or replacement characters above which text is binary garbage, not a document.
   */
  private static final double MAX_GARBAGE_SHARE = 0.02;

  /** How long a parse may take unless the caller says otherwise. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

  /** Traditional characters a text must hold before it is read as traditional script. */
  private static final int TRADITIONAL_MIN = 3;

  /**
   * A plan that says its unit lists name no lead unit (…均为责任单位, 不分主次): bare lists are then all
   * responsible.
   */
  private static final Pattern NO_LEAD_CONVENTION =
      Pattern.compile("(?:所列|列出的|上述|标注的)?(?:单位|部门)(?:均为|都是|皆为)责任单位|排名不分先后|不分主次");

  /**
   * How to parse: the time a parse may take ({@code null}: no limit), and which unit names the
   * directory knows ({@code null}: no check; otherwise every unknown name gives a warning).
   */
  public record Options(Duration deadline, Predicate<String> knownUnit) {

    public static final Options DEFAULT = new Options(DEFAULT_DEADLINE, null);
  }

  private final UnitAnnotationParser annotations = new UnitAnnotationParser();
  private final PlanBodyParser body = new PlanBodyParser(annotations);

  public PlanParser() {}

  /** Parses a plan with the {@linkplain Options#DEFAULT default options}. */
  public ParsedPlan parse(String text, LocalDate referenceDate) {
    return parse(text, referenceDate, Options.DEFAULT);
  }

  /**
   * Parses a plan.
   *
   * @param referenceDate today: its year is the plan's year when the plan names none
   * @throws PlanParseException with {@link PlanParseException#NOT_A_PLAN} when the text holds no
   *     task, with {@link PlanParseException#TOO_SLOW} past the deadline
   */
  public ParsedPlan parse(String text, LocalDate referenceDate, Options options) {
    Objects.requireNonNull(referenceDate, "referenceDate");
    ParseDeadline deadline = ParseDeadline.after(options.deadline());
    if (text == null || Texts.isBlank(text)) {
      throw new PlanParseException(PlanParseException.NOT_A_PLAN, "文件内容为空，未找到任何任务", null);
    }
    if (looksLikeGarbage(text)) {
      throw new PlanParseException(
          PlanParseException.NOT_A_PLAN, "文件内容不是可读的文字，请上传 .docx 或 .txt 格式的任务分解方案", null);
    }
    List<ParseWarning> warnings = new ArrayList<>();
    String written = text.replace("\uFEFF", "");
    int traditional = Traditional.count(written);
    if (traditional >= TRADITIONAL_MIN) {
      written = Traditional.simplify(written);
      warnings.add(
          new ParseWarning(1, "方案使用繁体字，已将" + traditional + "个繁体字转为简体后识别（任务内容中的这些字也已转换），请核对单位名称"));
    }
    deadline.check();
    List<String> lines = written.lines().toList();
    PlanBodyParser.Result result = body.parse(lines, deadline);
    if (result.drafts().isEmpty()) {
      throw notAPlan(lines);
    }
    int start = result.start();
    boolean bareListLeads = !NO_LEAD_CONVENTION.matcher(written).find();

    List<String> preamble = lines.subList(0, start).stream().map(Texts::clean).toList();
    warnings.addAll(result.warnings());
    String title = title(preamble);
    if (title == null) {
      warnings.add(new ParseWarning(1, "未识别到方案标题，已暂用“" + UNTITLED + "”，请在导入后补充"));
      title = UNTITLED;
    }
    DateLine dateLine =
        dateLine(lines, 0, start)
            .or(() -> dateLine(lines, result.end(), lines.size()))
            .orElse(null);
    LocalDate issuedOn = dateLine == null ? null : dateLine.date();
    String issuer = issuer(preamble, lines, dateLine);

    MilestoneExtractor milestones =
        new MilestoneExtractor(planYear(issuedOn, title, referenceDate));
    List<ParsedTask> tasks = new ArrayList<>();
    Context context =
        new Context(milestones, warnings, deadline, bareListLeads, options.knownUnit());
    for (TaskDraft draft : result.drafts()) {
      deadline.check();
      tasks.add(assemble(draft, context));
    }
    tasks = numbered(tasks, result.drafts(), warnings);
    warnings =
        warnings.stream()
            .map(w -> new ParseWarning(w.line(), Texts.limit(w.message(), MAX_MESSAGE)))
            .sorted(Comparator.comparingInt(ParseWarning::line))
            .toList();
    return new ParsedPlan(
        title,
        issuer,
        issuedOn,
        chapters(result.chapters()),
        List.copyOf(tasks),
        List.copyOf(warnings));
  }

  private static PlanParseException notAPlan(List<String> lines) {
    List<String> first =
        lines.stream()
            .map(Texts::clean)
            .filter(l -> !l.isEmpty())
            .limit(3)
            .map(l -> "「" + Texts.limit(l, 40) + "」")
            .toList();
    return new PlanParseException(
        PlanParseException.NOT_A_PLAN,
        "未找到任何工作任务。解析时查找的是：带编号的任务（“1.”“1、”“（1）”“（一）”，或带单位标注的“一、”），"
            + "带“牵头单位：”“责任单位：”标签或“（××局牵头）”一类标注的条目，以及带“序号/工作任务/牵头单位”表头的表格。"
            + "文件开头几行是："
            + String.join("", first)
            + "。请确认上传的是任务分解方案",
        null);
  }

  private static boolean looksLikeGarbage(String text) {
    long bad =
        text.chars()
            .filter(
                c ->
                    c == '\uFFFD'
                        || (Character.isISOControl(c)
                            && c != '\n'
                            && c != '\r'
                            && c != '\t'
                            && c != '\f'))
            .count();
    return bad > text.length() * MAX_GARBAGE_SHARE;
  }

  // ---------------------------------------------------------------- header

  /** The last block of short heading lines naming a plan; else the 《…》 of a 关于印发《…》的通知. */
  private static String title(List<String> preamble) {
    String best = null;
    List<String> block = new ArrayList<>();
    for (String line : preamble) {
      if (line.isEmpty()) {
        continue; // a title split over lines often has blank lines between its parts
      }
      if (isTitleLine(line)) {
        block.add(line);
        continue;
      }
      best = Optional.ofNullable(titleOf(block)).orElse(best);
      block.clear();
    }
    best = Optional.ofNullable(titleOf(block)).orElse(best);
    if (best != null) {
      return best;
    }
    Matcher notice = NOTICE_TITLE.matcher(String.join("", preamble));
    return notice.find() && notice.group(1).length() <= MAX_TITLE
        ? Texts.withoutSpaces(notice.group(1))
        : null;
  }

  private static boolean isTitleLine(String line) {
    return line.length() <= 60
        && line.chars().noneMatch(c -> SENTENCE_PUNCTUATION.indexOf(c) >= 0)
        && !DATE_LINE.matcher(line).matches()
        && !CN_DATE_LINE.matcher(line).matches();
  }

  private static String titleOf(List<String> block) {
    List<String> lines = new ArrayList<>(block);
    while (!lines.isEmpty() && isIssuerLine(lines.get(0))) {
      lines.remove(0); // the issuer's name above the title
    }
    while (!lines.isEmpty() && isIssuerLine(lines.get(lines.size() - 1))) {
      lines.remove(lines.size() - 1); // … or below it
    }
    String joined = Texts.withoutSpaces(String.join("", lines));
    boolean notice = joined.contains("印发") || joined.contains("通知");
    return !joined.isEmpty() && !notice && TITLE_WORD.matcher(joined).find() ? joined : null;
  }

  private static boolean isIssuerLine(String line) {
    return isOrganisation(line) && !TITLE_WORD.matcher(line).find();
  }

  private static boolean isOrganisation(String line) {
    String s = Texts.withoutSpaces(line);
    return s.length() >= 2
        && s.length() <= 40
        && s.chars().noneMatch(c -> "。，,；;：:《》“”".indexOf(c) >= 0)
        && ORGANISATION.matcher(s).find();
  }

  private record DateLine(int index, String prefix, LocalDate date) {}

  /**
   * The first line in [from, to) that is nothing but a date: the issue date under the issuer's
   * name. Only the header and the footer are searched, so a deadline in a table cell is never taken
   * for it.
   */
  private static Optional<DateLine> dateLine(List<String> lines, int from, int to) {
    for (int i = from; i < to; i++) {
      String line = Texts.clean(lines.get(i));
      if (line.length() > MAX_DATE_LINE) {
        continue; // a date line is short; long lines are not tried (the pattern would backtrack
        // over them)
      }
      try {
        Matcher m = DATE_LINE.matcher(line);
        if (m.matches()) {
          LocalDate date =
              LocalDate.of(
                  Integer.parseInt(m.group(2)),
                  Integer.parseInt(m.group(3)),
                  Integer.parseInt(m.group(4)));
          return Optional.of(new DateLine(i, m.group(1), date));
        }
        m = CN_DATE_LINE.matcher(line);
        if (m.matches()) {
          LocalDate date =
              LocalDate.of(
                  ChineseNumerals.value(m.group(2)).orElseThrow(),
                  ChineseNumerals.value(m.group(3)).orElseThrow(),
                  ChineseNumerals.value(m.group(4)).orElseThrow());
          return Optional.of(new DateLine(i, m.group(1), date));
        }
      } catch (DateTimeException | java.util.NoSuchElementException e) {
        // not a real date; keep looking
      }
    }
    return Optional.empty();
  }

  private static String issuer(List<String> preamble, List<String> lines, DateLine dateLine) {
    if (dateLine != null) {
      if (dateLine.prefix() != null && isOrganisation(dateLine.prefix())) {
        return Texts.withoutSpaces(dateLine.prefix());
      }
      for (int i = dateLine.index() - 1; i >= 0; i--) {
        String line = Texts.clean(lines.get(i));
        if (!line.isEmpty()) {
          if (isOrganisation(line)) {
            return Texts.withoutSpaces(line);
          }
          break;
        }
      }
    }
    for (int i = 0; i < preamble.size(); i++) { // 两江新区全面依法治区委员会 / 关于印发《…》的通知
      String line = preamble.get(i);
      int about = line.indexOf("关于");
      if (about < 0) {
        continue;
      }
      if (about > 0 && isOrganisation(line.substring(0, about))) {
        return Texts.withoutSpaces(line.substring(0, about));
      }
      for (int j = i - 1; j >= 0; j--) {
        if (!preamble.get(j).isEmpty()) {
          return isOrganisation(preamble.get(j)) ? Texts.withoutSpaces(preamble.get(j)) : null;
        }
      }
    }
    return null;
  }

  private static int planYear(LocalDate issuedOn, String title, LocalDate referenceDate) {
    if (issuedOn != null) {
      return issuedOn.getYear();
    }
    if (title != null) {
      Matcher range = YEAR_RANGE.matcher(title);
      if (range.find()) {
        return Integer.parseInt(range.group(1));
      }
      Matcher year = ANY_YEAR.matcher(title);
      if (year.find()) {
        return Integer.parseInt(year.group(1));
      }
    }
    return referenceDate.getYear();
  }

  // ---------------------------------------------------------------- tasks

  /** What every task of one parse shares. */
  private record Context(
      MilestoneExtractor milestones,
      List<ParseWarning> warnings,
      ParseDeadline deadline,
      boolean bareListLeads,
      Predicate<String> knownUnit) {}

  private ParsedTask assemble(TaskDraft draft, Context context) {
    List<ParseWarning> warnings = context.warnings();
    String text = Texts.clean(draft.text.toString());
    List<String> annotationParts = new ArrayList<>();
    Units units = new Units(context.deadline());
    units.bareListLeads = context.bareListLeads();
    Optional<Found> found = annotations.find(text);
    if (found.isPresent()) {
      annotationParts.add(found.get().content());
      annotations.parse(found.get().content(), units);
      text =
          Texts.stripTrailing(text.substring(0, found.get().start()), "，,、；;"); // …示范创建，区委依法治区办牵头
    }
    for (String label : draft.labelLines) {
      String part = Texts.stripTrailing(label, "。；;，,");
      annotationParts.add(part);
      annotations.parse(part, units);
    }
    String annotation = annotationParts.isEmpty() ? null : String.join("；", annotationParts);

    for (String problem : units.problems) {
      warnings.add(new ParseWarning(draft.line, problem));
    }
    Optional<String> unread =
        annotation == null ? annotations.unreadAnnotation(text) : Optional.empty();
    if (!units.hasUnits()) {
      warnings.add(
          new ParseWarning(
              draft.line,
              unread.isPresent()
                  ? "未能理解单位标注「" + Texts.limit(unread.get(), 200) + "」，该任务没有牵头单位，需要手工指派"
                  : annotation == null
                      ? "该任务没有标注牵头单位或责任单位，需要手工指派"
                      : "未能从单位标注「" + Texts.limit(annotation, 200) + "」中识别出单位，需要手工指派"));
    }
    if (text.isEmpty()) {
      warnings.add(new ParseWarning(draft.line, "任务内容为空"));
    }
    if (text.length() > MAX_TEXT) {
      warnings.add(new ParseWarning(draft.line, "任务内容超过" + MAX_TEXT + "字，已截断，请核对原文"));
      text = Texts.limit(text, MAX_TEXT);
    }

    Set<Milestone> milestones = new LinkedHashSet<>(context.milestones().extract(text));
    units.deadlines.forEach(
        deadline ->
            milestones.addAll(context.milestones().extract(Texts.limit(deadline, MAX_TEXT))));

    List<String> lead = unitNames(units.lead, draft.line, warnings);
    List<String> responsible = unitNames(units.responsible, draft.line, warnings);
    boolean byDivision = units.divisionPhrase && lead.isEmpty();
    boolean onlyPlaceholders = responsible.stream().allMatch(ParsedTask.TO_BE_ASSIGNED::equals);
    if (lead.isEmpty() && !byDivision && units.hasUnits() && onlyPlaceholders) {
      warnings.add(new ParseWarning(draft.line, "该任务没有牵头单位，责任单位也待指派，需要手工指派"));
    } else if (lead.isEmpty() && !byDivision && units.supporting) {
      warnings.add(new ParseWarning(draft.line, "该任务只写了配合单位，没有牵头单位，需要手工指派牵头单位"));
    }
    if (context.knownUnit() != null) {
      Set<String> unknown = new LinkedHashSet<>();
      for (String name : lead) {
        unknownUnit(name, context.knownUnit(), unknown);
      }
      for (String name : responsible) {
        unknownUnit(name, context.knownUnit(), unknown);
      }
      unknown.forEach(
          name ->
              warnings.add(new ParseWarning(draft.line, "单位「" + name + "」不在单位目录中，请核对，或在单位目录中添加")));
    }
    boolean needsAssignment =
        (lead.isEmpty() && responsible.isEmpty())
            || (lead.stream().allMatch(ParsedTask.TO_BE_ASSIGNED::equals) && onlyPlaceholders);
    int number = draft.writtenNumber == null ? 0 : draft.writtenNumber;
    String title = draft.title == null ? null : Texts.limit(Texts.clean(draft.title), MAX_TITLE);
    return new ParsedTask(
        number,
        draft.chapter,
        draft.section,
        text,
        lead,
        responsible,
        byDivision,
        needsAssignment,
        List.copyOf(milestones),
        Texts.limit(annotation, MAX_ANNOTATION),
        draft.line,
        title);
  }

  private static void unknownUnit(String name, Predicate<String> known, Set<String> unknown) {
    if (!name.equals(ParsedTask.TO_BE_ASSIGNED) && !known.test(name)) {
      unknown.add(name);
    }
  }

  /**
   * Names too long to be a unit come from text we misread; they are dropped with a warning rather
   * than stored.
   */
  private static List<String> unitNames(Set<String> names, int line, List<ParseWarning> warnings) {
    List<String> kept = new ArrayList<>();
    for (String name : names) {
      if (name.length() <= MAX_UNIT_NAME) {
        kept.add(name);
      } else {
        warnings.add(new ParseWarning(line, "「" + Texts.limit(name, 30) + "」过长，不像单位名称，已忽略"));
      }
    }
    return List.copyOf(kept);
  }

  /** Keeps written numbers when they are unique; otherwise renumbers 1…n in order of appearance. */
  private static List<ParsedTask> numbered(
      List<ParsedTask> tasks, List<TaskDraft> drafts, List<ParseWarning> warnings) {
    if (drafts.stream().allMatch(d -> d.writtenNumber == null)) {
      return renumbered(tasks);
    }
    if (drafts.stream().anyMatch(d -> d.writtenNumber == null)) {
      warnings.add(
          new ParseWarning(firstLine(drafts, d -> d.writtenNumber == null), "部分任务没有编号，已按出现顺序统一编号"));
      return renumbered(tasks);
    }
    if (restartsPerChapter(drafts)) {
      int line = firstRestartLine(drafts);
      warnings.add(new ParseWarning(line, "任务编号在各章中分别从1开始，已按出现顺序统一重新编号为1—" + tasks.size()));
      return renumbered(tasks);
    }
    Set<Integer> seen = new HashSet<>();
    boolean repeated = false;
    int previous = 0;
    for (TaskDraft d : drafts) {
      int n = d.writtenNumber;
      if (!seen.add(n)) {
        repeated = true;
        warnings.add(new ParseWarning(d.line, "任务编号" + n + "重复"));
      } else if (n != previous + 1) {
        warnings.add(
            new ParseWarning(
                d.line,
                previous == 0 ? "第一项任务的编号是" + n + "，不是1" : "任务编号不连续：上一项是" + previous + "，此项是" + n));
      }
      previous = n;
    }
    if (repeated) {
      warnings.add(new ParseWarning(drafts.get(0).line, "因任务编号重复，已按出现顺序统一重新编号为1—" + tasks.size()));
      return renumbered(tasks);
    }
    return tasks;
  }

  /**
   * Every chapter's tasks are numbered 1, 2, 3 … on their own, and at least one chapter starts
   * again at 1.
   */
  private static boolean restartsPerChapter(List<TaskDraft> drafts) {
    boolean restarted = false;
    int expected = 1;
    String chapter = drafts.get(0).chapter;
    for (TaskDraft d : drafts) {
      if (!Objects.equals(d.chapter, chapter)) {
        chapter = d.chapter;
        restarted |= d.writtenNumber == 1 && expected > 1;
        expected = 1;
        if (d.writtenNumber != 1) {
          return false;
        }
      }
      if (d.writtenNumber != expected) {
        return false;
      }
      expected++;
    }
    return restarted;
  }

  private static int firstRestartLine(List<TaskDraft> drafts) {
    for (int i = 1; i < drafts.size(); i++) {
      if (drafts.get(i).writtenNumber <= drafts.get(i - 1).writtenNumber) {
        return drafts.get(i).line;
      }
    }
    return drafts.get(0).line;
  }

  private static int firstLine(
      List<TaskDraft> drafts, java.util.function.Predicate<TaskDraft> which) {
    return drafts.stream().filter(which).findFirst().map(d -> d.line).orElse(1);
  }

  private static List<ParsedTask> renumbered(List<ParsedTask> tasks) {
    List<ParsedTask> out = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      ParsedTask t = tasks.get(i);
      out.add(
          new ParsedTask(
              i + 1,
              t.chapter(),
              t.section(),
              t.text(),
              t.leadUnits(),
              t.responsibleUnits(),
              t.byDivision(),
              t.needsAssignment(),
              t.milestones(),
              t.annotation(),
              t.line(),
              t.title()));
    }
    return out;
  }

  private static List<Chapter> chapters(List<ChapterDraft> drafts) {
    return drafts.stream()
        .map(c -> new Chapter(c.number, c.title, List.copyOf(c.sections)))
        .toList();
  }
}
