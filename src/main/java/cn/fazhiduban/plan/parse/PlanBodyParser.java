package cn.fazhiduban.plan.parse;

import cn.fazhiduban.plan.parse.ParsedPlan.ParseWarning;
import cn.fazhiduban.plan.parse.TableLayout.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks a plan's body (everything from the first chapter heading or task on) and collects chapters,
 * sections and task drafts.
 *
 * <p>Line kinds: chapter headings {@code 一、…} or {@code 第一章 …}; Chinese-numbered items {@code
 * （一）…}; arabic-numbered items {@code 1.} {@code 1．} {@code 1、} {@code （1）} {@code 1)}; label lines
 * {@code 牵头单位：…}; tab-separated table rows (as {@link PlanDocumentReader} writes Word tables);
 * header cells; everything else is text.
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>The first arabic-numbered line fixes the task style: {@code 1.}-like ({@code .．、}) or
 *       {@code （1）}-like ({@code （1）(1)1)1）}). Lines of the other style are sub-items and stay in
 *       the current task's text.
 *   <li>A {@code （一）} line is a section when arabic tasks follow it (up to the next {@code （二）} or
 *       chapter). Without arabic tasks under it, it is a task when it carries a unit annotation, or
 *       when its chapter has no arabic tasks and other {@code （n）} items of the chapter carry
 *       annotations (then it is a task that lacks units); otherwise a section with no tasks (such
 *       as {@code （一）指导思想} in an introductory chapter).
 *   <li>Text lines continue a task while it has no annotation. After a blank line they continue it
 *       only when the task's text stops in mid-sentence (a page or paragraph break pasted from a
 *       PDF) or the line carries the task's annotation; a line that is an annotation by itself
 *       ({@code （牵头单位：…）}) or a label line attaches to the task even after blank lines. Other lines
 *       are prose: a chapter's introduction and closing remarks are ignored, while text left after
 *       a task, before the next task or heading, gives a warning that quotes it. Only the closing
 *       remarks after the last task are ignored silently.
 *   <li>A task whose first line is a short heading without punctuation, with its text on the
 *       following lines, keeps that heading apart as its title.
 *   <li>Plans whose only numbering is {@code 一、二、三、} with unit annotations: those items are the
 *       tasks.
 *   <li>A line that starts with the next task number and no delimiter ({@code 11完善…} after task 10)
 *       starts that task when the previous task's text is complete; otherwise it is text.
 *   <li>Tables: a header row in tab-separated form, or three or more header cells on consecutive
 *       lines (one cell per line, blank lines between them allowed). In the one-cell-per-line form
 *       a row starts at a line holding only its 序号 ({@code 3} or {@code 3.}); its cells are the
 *       following non-blank lines, in column order, up to the next 序号 line. A row with fewer
 *       non-blank lines than columns is read position by position, blank lines being empty cells
 *       (so empty cells work only in tables without spacer blank lines). A cell never spans lines.
 *       Without a 序号 column, every group of as many non-blank lines as there are columns is a row.
 *       Chapter and section headings may sit between rows.
 * </ul>
 */
final class PlanBodyParser {

  static final Pattern CHAPTER =
      Pattern.compile(
          "^(?:第([一二三四五六七八九十百]+)(?:章|部分|篇)\\s*[、.．：:]?|([一二三四五六七八九十]{1,3})\\s*[、.．])\\s*(.*)$");
  static final Pattern CN_ITEM =
      Pattern.compile("^[（(]\\s*([一二三四五六七八九十]{1,3})\\s*[)）]\\s*[、.．]?\\s*(.*)$");

  /**
   * {@code 1.} but not the decimal {@code 1.5万元}; {@code 1.9月底前…} is task 1, since a date may
   * follow the dot.
   */
  private static final Pattern ARABIC_DOT =
      Pattern.compile("^(\\d{1,3})\\s*[.．、](?!(?!\\d{1,4}\\s*[年月])\\d)\\s*(.+)$");

  private static final Pattern ARABIC_PAREN =
      Pattern.compile("^(?:[（(]\\s*(\\d{1,3})\\s*[)）]|(\\d{1,3})\\s*[)）])\\s*(.+)$");

  /** Headings are stored in columns of 500 characters. */
  private static final int MAX_HEADING = 500;

  private static final Pattern NUMBER_ONLY = Pattern.compile("^(\\d{1,3})\\s*[.．、]?$");

  /**
   * {@code 11完善…}: a number glued to the text, unless what follows is a measure word ({@code 12个},
   * {@code 3项}).
   */
  private static final Pattern ARABIC_BARE =
      Pattern.compile(
          "^(\\d{1,3})(?![\\d.．、年月日号个项家次件人名条部类批万亿千百天周期届所座种份本户元余多倍时分秒%％])(\\p{IsHan}.*)$");

  private static final String SENTENCE_DONE = "。；;！!？?）)〕】］";
  private static final String NO_TITLE = "。，,；;：:！!？?（(〔【［";
  private static final int MAX_TITLE = 20;
  private static final int MAX_COLUMNS = 16;

  enum Kind {
    BLANK,
    CHAPTER,
    CN_ITEM,
    ARABIC,
    BARE_NUMBERED,
    SUB_ITEM,
    LABEL,
    HEADER_CELL,
    NUMBER_ONLY,
    TEXT
  }

  private enum Style {
    DOT,
    PAREN
  }

  /**
   * One line, classified: its number and the text after it, the whole (trimmed) line as written,
   * and for tab-separated rows the cells.
   */
  private record Lexed(
      Kind kind, String number, String body, Style style, String line, List<String> cells) {

    Lexed withKind(Kind newKind) {
      return new Lexed(newKind, number, body, style, line, cells);
    }

    Lexed withCells(List<String> rowCells) {
      return new Lexed(kind, number, body, style, line, rowCells);
    }
  }

  /** A chapter while it is being read. */
  static final class ChapterDraft {
    final String number;
    final String title;
    final List<ParsedPlan.Section> sections = new ArrayList<>();

    ChapterDraft(String number, String title) {
      this.number = number;
      this.title = title;
    }
  }

  /**
   * What the body holds. {@code start} is the index of its first line (the lines before are the
   * plan's header), or -1 when there is no body; {@code end} is the index after the last line that
   * belongs to a task (what follows, such as a signature and date, is the plan's footer).
   */
  record Result(
      int start,
      int end,
      List<ChapterDraft> chapters,
      List<TaskDraft> drafts,
      List<ParseWarning> warnings) {}

  private final UnitAnnotationParser annotations;

  PlanBodyParser(UnitAnnotationParser annotations) {
    this.annotations = annotations;
  }

  Result parse(List<String> lines, ParseDeadline deadline) {
    Lexed[] lexed = lex(lines, deadline);
    int start = bodyStart(lexed);
    if (start < 0) {
      return new Result(-1, -1, List.of(), List.of(), List.of());
    }
    return new Walk(lexed, start, deadline).run();
  }

  /**
   * Index of the first body line: a chapter heading, a numbered item or a table header; -1 if there
   * is none.
   */
  private static int bodyStart(Lexed[] lexed) {
    for (int i = 0; i < lexed.length; i++) {
      Kind kind = lexed[i].kind();
      if (kind == Kind.CHAPTER
          || kind == Kind.CN_ITEM
          || kind == Kind.ARABIC
          || tableHeaderAt(lexed, i).isPresent()) {
        return i;
      }
    }
    return -1;
  }

  // ---------------------------------------------------------------- lexing

  private Lexed[] lex(List<String> lines, ParseDeadline deadline) {
    Lexed[] lexed = new Lexed[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      deadline.check();
      String raw = lines.get(i);
      if (raw.indexOf('\t') >= 0) {
        List<String> cells = Arrays.stream(raw.split("\t", -1)).map(Texts::clean).toList();
        lexed[i] =
            lexLine(String.join("", cells))
                .withCells(cells); // outside a table the row reads as one line
      } else {
        lexed[i] = lexLine(Texts.joinBrokenWords(Texts.clean(raw)));
      }
    }
    fixTaskStyle(lexed);
    return lexed;
  }

  private Lexed lexLine(String line) {
    if (line.isEmpty()) {
      return new Lexed(Kind.BLANK, null, "", null, "", null);
    }
    Matcher m = CHAPTER.matcher(line);
    if (m.matches()) {
      return new Lexed(
          Kind.CHAPTER, m.group(1) != null ? m.group(1) : m.group(2), m.group(3), null, line, null);
    }
    m = CN_ITEM.matcher(line);
    if (m.matches()) {
      return new Lexed(Kind.CN_ITEM, m.group(1), m.group(2), null, line, null);
    }
    m = NUMBER_ONLY.matcher(line);
    if (m.matches()) {
      return new Lexed(Kind.NUMBER_ONLY, m.group(1), "", null, line, null);
    }
    m = ARABIC_DOT.matcher(line);
    if (m.matches() && Texts.containsHan(m.group(2))) {
      return new Lexed(Kind.ARABIC, m.group(1), m.group(2), Style.DOT, line, null);
    }
    m = ARABIC_PAREN.matcher(line);
    if (m.matches() && Texts.containsHan(m.group(3))) {
      return new Lexed(
          Kind.ARABIC,
          m.group(1) != null ? m.group(1) : m.group(2),
          m.group(3),
          Style.PAREN,
          line,
          null);
    }
    m = ARABIC_BARE.matcher(line);
    if (m.matches()) {
      return new Lexed(Kind.BARE_NUMBERED, m.group(1), m.group(2), null, line, null);
    }
    if (TableLayout.headerColumn(line).isPresent()) {
      return new Lexed(Kind.HEADER_CELL, null, line, null, line, null);
    }
    if (annotations.isLabelLine(line)) {
      return new Lexed(Kind.LABEL, null, line, null, line, null);
    }
    return new Lexed(Kind.TEXT, null, line, null, line, null);
  }

  /**
   * The first arabic item fixes the task style; items in the other style are sub-items of a task.
   */
  private static void fixTaskStyle(Lexed[] lexed) {
    Style taskStyle = null;
    for (int i = 0; i < lexed.length; i++) {
      Lexed l = lexed[i];
      if (l.kind() != Kind.ARABIC) {
        continue;
      }
      if (taskStyle == null) {
        taskStyle = l.style();
      } else if (l.style() != taskStyle) {
        lexed[i] = l.withKind(Kind.SUB_ITEM);
      }
    }
  }

  /**
   * A table header starting at line {@code i}: a tab-separated header row, or header cells one per
   * line.
   */
  private static Optional<HeaderAt> tableHeaderAt(Lexed[] lexed, int i) {
    Lexed l = lexed[i];
    if (l.cells() != null) {
      return TableLayout.schemaOf(l.cells(), true).map(s -> new HeaderAt(s, i + 1));
    }
    if (l.kind() != Kind.HEADER_CELL) {
      return Optional.empty();
    }
    List<String> cells = new ArrayList<>();
    int j = i;
    while (j < lexed.length
        && (lexed[j].kind() == Kind.HEADER_CELL || lexed[j].kind() == Kind.BLANK)) {
      if (lexed[j].kind() == Kind.HEADER_CELL) {
        cells.add(lexed[j].body());
        if (cells.size() > MAX_COLUMNS) {
          return Optional
              .empty(); // no table has that many columns; stopping here keeps the scan short
        }
      }
      j++;
    }
    int next = j;
    return cells.size() >= 3
        ? TableLayout.schemaOf(cells, false).map(s -> new HeaderAt(s, next))
        : Optional.empty();
  }

  private record HeaderAt(Schema schema, int next) {}

  // ---------------------------------------------------------------- walking

  /** One pass over the body; holds the state of where we are. */
  private final class Walk {
    private final Lexed[] lexed;
    private final int start;
    private final boolean[] cnIsSection;
    private final List<ChapterDraft> chapters = new ArrayList<>();
    private final List<TaskDraft> drafts = new ArrayList<>();
    private final List<ParseWarning> warnings = new ArrayList<>();
    private final ParseDeadline deadline;

    /** The plan numbers its tasks 一、二、三、 and has no other tasks. */
    private final boolean chaptersAreTasks;

    /** Text lines after a task that went into none; a warning unless they close the plan. */
    private final List<Integer> loose = new ArrayList<>();

    private Integer lastNumber;
    private ChapterDraft chapter;
    private String section;
    private TaskDraft draft;
    private boolean blankSinceLastLine;
    private boolean warnedNoChapter;
    private Schema table;

    /** The line being read. */
    private int index;

    /** Index after the last line that went into a task. */
    private int taskEnd;

    Walk(Lexed[] lexed, int start, ParseDeadline deadline) {
      this.lexed = lexed;
      this.start = start;
      this.deadline = deadline;
      this.cnIsSection = resolveChineseItems();
      this.chaptersAreTasks = chaptersAreTasks();
    }

    /**
     * No arabic task, no （n） task, no table, and some 一、 item carries units: the 一、 items are the
     * tasks.
     */
    private boolean chaptersAreTasks() {
      boolean chapterWithUnits = false;
      for (int i = start; i < lexed.length; i++) {
        deadline.check();
        Kind kind = lexed[i].kind();
        if (kind == Kind.ARABIC
            || (kind == Kind.CN_ITEM && !cnIsSection[i])
            || tableHeaderAt(lexed, i).isPresent()) {
          return false;
        }
        if (kind == Kind.CHAPTER && !chapterWithUnits) {
          chapterWithUnits = carriesUnits(i, lexed.length);
        }
      }
      return chapterWithUnits;
    }

    Result run() {
      int i = start;
      while (i < lexed.length) {
        deadline.check();
        Optional<HeaderAt> header = tableHeaderAt(lexed, i);
        if (header.isPresent()) {
          closeDraft();
          table = header.get().schema();
          i = header.get().next();
        } else if (table == null) {
          paragraphLine(i);
          i++;
        } else if (table.tabbed()) {
          tabbedTableLine(i);
          i++;
        } else {
          i = flatTableLine(i);
        }
      }
      closeDraft();
      loose.clear(); // closing remarks after the last task
      return new Result(start, taskEnd, chapters, drafts, warnings);
    }

    // -------- paragraphs

    private void paragraphLine(int i) {
      index = i;
      Lexed l = lexed[i];
      int lineNo = i + 1;
      switch (l.kind()) {
        case BLANK -> {
          blankSinceLastLine = true;
          return;
        }
        case CHAPTER -> {
          if (chaptersAreTasks) {
            startTask(ChineseNumerals.value(l.number()).orElse(0), l.body(), lineNo);
          } else {
            startChapter(l);
          }
        }
        case CN_ITEM -> {
          if (chaptersAreTasks) {
            subItem(l, lineNo);
          } else if (cnIsSection[i]) {
            startSection(l);
          } else {
            startTask(ChineseNumerals.value(l.number()).orElse(0), l.body(), lineNo);
          }
        }
        case ARABIC -> startTask(Integer.parseInt(l.number()), l.body(), lineNo);
        case BARE_NUMBERED -> {
          int n = Integer.parseInt(l.number());
          boolean next = lastNumber != null && n == lastNumber + 1;
          if (next && (draft == null || draft.closed || endsSentence(draft.text))) {
            startTask(n, l.body(), lineNo);
          } else {
            textLine(l.line(), lineNo);
          }
        }
        case LABEL -> {
          if (draft != null) {
            draft.labelLines.add(l.body());
            draft.closed = true;
            tookLine();
          } else {
            warnings.add(new ParseWarning(lineNo, "单位标注行「" + l.body() + "」前面没有任务，已忽略"));
          }
        }
        case SUB_ITEM -> subItem(l, lineNo);
        default -> textLine(l.line(), lineNo);
      }
      blankSinceLastLine = false;
    }

    private void subItem(Lexed l, int lineNo) {
      if (draft != null && !draft.closed) {
        draft.text.append(l.line());
        tookLine();
      } else if (draft != null) {
        warnings.add(
            new ParseWarning(lineNo, "「" + Texts.limit(l.line(), 40) + "」在任务的单位标注之后，未归入任何任务，已忽略"));
      }
    }

    /** The current line went into a task: the plan's footer can only come after it. */
    private void tookLine() {
      taskEnd = index + 1;
    }

    private void textLine(String text, int lineNo) {
      if (draft == null) {
        return; // prose outside tasks: chapter introductions
      }
      String t = Texts.clean(text);
      Optional<UnitAnnotationParser.Found> annotation = annotations.find(t);
      boolean lineHasAnnotation = annotation.isPresent();
      boolean wholeLineIsAnnotation =
          lineHasAnnotation
              && annotation.get().start() == 0
              && Texts.OPEN.indexOf(t.charAt(0)) >= 0;
      boolean continues =
          !draft.closed && (!blankSinceLastLine || !endsSentence(draft.text) || lineHasAnnotation);
      if (wholeLineIsAnnotation && draft.labelLines.isEmpty() && !draft.closed) {
        draft.text.append(t);
        draft.closed = true;
        tookLine();
      } else if (wholeLineIsAnnotation
          && draft.labelLines.isEmpty()
          && annotations.find(draft.text).isEmpty()) {
        draft.text.append(t);
        draft.closed = true;
        tookLine();
      } else if (continues) {
        if (draft.titleCandidate && draft.text.length() > 0 && NO_TITLE.indexOf(t.charAt(0)) < 0) {
          draft.title = draft.text.toString(); // （一）推进综合执法 / its text on the next line
          draft.text.setLength(0);
        }
        draft.titleCandidate = false;
        draft.text.append(t);
        if (UnitAnnotationParser.mayEndAnnotation(t)) {
          draft.closed = annotations.find(draft.text).isPresent();
        }
        tookLine();
      } else {
        draft.closed = true;
        loose.add(lineNo);
      }
    }

    private boolean endsSentence(CharSequence text) {
      String t =
          Texts.stripTrailing(
              text.length() > 20
                  ? text.subSequence(text.length() - 20, text.length()).toString()
                  : text.toString(),
              "");
      return t.isEmpty() || SENTENCE_DONE.indexOf(t.charAt(t.length() - 1)) >= 0;
    }

    /**
     * Text between two tasks, or between a task and a heading, belongs to no task: say so, quoting
     * it.
     */
    private void warnLoose() {
      for (int line : loose) {
        warnings.add(
            new ParseWarning(
                line,
                "「"
                    + Texts.limit(lexed[line - 1].line(), 40)
                    + "」不属于任何任务（前一项任务已有单位标注或已结束），已忽略，请核对"));
      }
      loose.clear();
    }

    private void startChapter(Lexed l) {
      closeDraft();
      warnLoose();
      chapter = new ChapterDraft(l.number(), Texts.limit(Texts.clean(l.body()), MAX_HEADING));
      chapters.add(chapter);
      section = null;
    }

    private void startSection(Lexed l) {
      closeDraft();
      warnLoose();
      section = "（" + l.number() + "）";
      String title = Texts.clean(l.body());
      int stop = title.indexOf('。');
      if (stop > 0) {
        title = title.substring(0, stop); // （一）指导思想。坚持…: the heading is the first sentence
      }
      if (chapter != null) {
        chapter.sections.add(new ParsedPlan.Section(section, Texts.limit(title, MAX_HEADING)));
      }
    }

    private void startTask(Integer number, String text, int lineNo) {
      closeDraft();
      warnLoose();
      lastNumber = number;
      if (chapter == null && !warnedNoChapter && !chaptersAreTasks) {
        warnings.add(new ParseWarning(lineNo, "任务前没有章节标题（如“一、……”），任务未归入任何章节"));
        warnedNoChapter = true;
      }
      draft = new TaskDraft(number, chapter == null ? null : chapter.number, section, lineNo);
      taskEnd = lineNo;
      String body = Texts.clean(text);
      draft.text.append(body);
      draft.closed = annotations.find(draft.text).isPresent();
      draft.titleCandidate =
          !draft.closed
              && !body.isEmpty()
              && body.length() <= MAX_TITLE
              && body.chars().noneMatch(c -> NO_TITLE.indexOf(c) >= 0);
    }

    private void closeDraft() {
      if (draft != null) {
        drafts.add(draft);
        draft = null;
      }
    }

    // -------- tables

    private void tabbedTableLine(int i) {
      Lexed l = lexed[i];
      if (l.cells() == null || l.cells().stream().filter(c -> !c.isEmpty()).count() <= 1) {
        headingOrProse(l);
        return;
      }
      if (TableLayout.schemaOf(l.cells(), true).isPresent()) {
        return; // the header repeated
      }
      row(l.cells(), i + 1);
      taskEnd = i + 1;
    }

    /** Reads the one-cell-per-line table from line {@code i}; returns the next line to look at. */
    private int flatTableLine(int i) {
      Lexed l = lexed[i];
      if (l.kind() == Kind.BLANK || l.kind() == Kind.CHAPTER || l.kind() == Kind.CN_ITEM) {
        headingOrProse(l);
        return i + 1;
      }
      if (table.numberFirst()) {
        return l.kind() == Kind.NUMBER_ONLY
            ? anchoredRow(i)
            : i + 1; // anything else between rows is prose
      }
      return groupedRow(i);
    }

    private int anchoredRow(int i) {
      int end = i + 1;
      while (end < lexed.length && !endsRow(lexed[end])) {
        end++;
      }
      int expected = table.size() - 1;
      List<Integer> nonBlank = new ArrayList<>();
      for (int j = i + 1; j < end; j++) {
        if (lexed[j].kind() != Kind.BLANK) {
          nonBlank.add(j);
        }
      }
      List<String> cells = new ArrayList<>();
      cells.add(lexed[i].number());
      int lastCell;
      if (nonBlank.size() >= expected) {
        nonBlank.subList(0, expected).forEach(j -> cells.add(rawText(j)));
        lastCell = expected == 0 ? i : nonBlank.get(expected - 1);
        if (nonBlank.size() > expected
            && end < lexed.length
            && lexed[end].kind() == Kind.NUMBER_ONLY) {
          warnings.add(new ParseWarning(i + 1, "表格行的单元格多于表头列数，多出的内容已忽略"));
        }
      } else { // some cells are empty: blank lines count as cells
        for (int j = i + 1; j < i + 1 + expected; j++) {
          cells.add(j < end ? rawText(j) : "");
        }
        lastCell = Math.min(end - 1, i + expected);
      }
      row(cells, i + 1);
      taskEnd =
          lastCell + 1; // lines after the last cell (closing remarks, signature) are no part of the
      // table
      return end;
    }

    private boolean endsRow(Lexed l) {
      return l.kind() == Kind.NUMBER_ONLY
          || l.kind() == Kind.CHAPTER
          || l.kind() == Kind.CN_ITEM
          || l.kind() == Kind.HEADER_CELL;
    }

    private int groupedRow(int i) {
      List<String> cells = new ArrayList<>();
      int j = i;
      while (j < lexed.length && cells.size() < table.size()) {
        Kind kind = lexed[j].kind();
        if (kind == Kind.CHAPTER || kind == Kind.CN_ITEM || kind == Kind.HEADER_CELL) {
          break;
        }
        if (kind != Kind.BLANK) {
          cells.add(rawText(j));
        }
        j++;
      }
      if (cells.size() < table.size()) {
        warnings.add(new ParseWarning(i + 1, "表格行的单元格少于表头列数，已按现有内容读取"));
      }
      row(cells, i + 1);
      taskEnd = j;
      return j;
    }

    private String rawText(int i) {
      return lexed[i].line();
    }

    private void headingOrProse(Lexed l) {
      switch (l.kind()) {
        case CHAPTER -> startChapter(l);
        case CN_ITEM -> startSection(l);
        default -> {} // blank lines and prose between rows
      }
    }

    private void row(List<String> cells, int lineNo) {
      deadline.check();
      startTask(null, "", lineNo);
      TableLayout.fill(
          draft, table, cells); // without a 序号 the number stays null: numbered in order later
      closeDraft();
    }

    // -------- （一） as section or task

    /** For every （n） line: true when it is a section heading, false when it is a task. */
    private boolean[] resolveChineseItems() {
      boolean[] isSection = new boolean[lexed.length];
      int chapterStart = start;
      for (int i = start; i <= lexed.length; i++) {
        if (i == lexed.length || lexed[i].kind() == Kind.CHAPTER) {
          resolveChapter(chapterStart, i, isSection);
          chapterStart = i;
        }
      }
      return isSection;
    }

    private void resolveChapter(int from, int to, boolean[] isSection) {
      boolean chapterHasArabic = false;
      boolean chapterHasCnTask = false;
      List<Integer> items = new ArrayList<>();
      for (int i = from; i < to; i++) {
        chapterHasArabic |= lexed[i].kind() == Kind.ARABIC;
        if (lexed[i].kind() == Kind.CN_ITEM) {
          items.add(i);
          chapterHasCnTask |= !hasArabicUnder(i, to) && carriesUnits(i, to);
        }
      }
      for (int i : items) {
        boolean task =
            !hasArabicUnder(i, to)
                && (carriesUnits(i, to) || (!chapterHasArabic && chapterHasCnTask));
        isSection[i] = !task;
      }
    }

    private boolean hasArabicUnder(int item, int chapterEnd) {
      for (int i = item + 1; i < chapterEnd && lexed[i].kind() != Kind.CN_ITEM; i++) {
        if (lexed[i].kind() == Kind.ARABIC) {
          return true;
        }
      }
      return false;
    }

    /** The item's own lines (up to the next numbered line) hold a unit annotation. */
    private boolean carriesUnits(int item, int chapterEnd) {
      StringBuilder block = new StringBuilder(lexed[item].body());
      for (int i = item + 1; i < chapterEnd; i++) {
        Kind kind = lexed[i].kind();
        if (kind == Kind.CN_ITEM || kind == Kind.ARABIC || kind == Kind.HEADER_CELL) {
          break;
        }
        if (kind == Kind.LABEL) {
          return true;
        }
        if (kind == Kind.CHAPTER && i > item) {
          break;
        }
        if (kind != Kind.BLANK) {
          block.append(lexed[i].body());
        }
      }
      return annotations.find(block).isPresent();
    }
  }
}
