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
 * Walks a plan's body (everything from the first chapter heading or task on) and collects chapters, sections and task
 * drafts.
 *
 * <p>Line kinds: chapter headings {@code 一、…} or {@code 第一章 …}; Chinese-numbered items {@code （一）…}; arabic-numbered
 * items {@code 1.} {@code 1．} {@code 1、} {@code （1）} {@code 1)}; label lines {@code 牵头单位：…}; tab-separated table
 * rows (as {@link PlanDocumentReader} writes Word tables); header cells; everything else is text.
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>The first arabic-numbered line fixes the task style: {@code 1.}-like ({@code .．、}) or {@code （1）}-like
 *       ({@code （1）(1)1)1）}). Lines of the other style are sub-items and stay in the current task's text.
 *   <li>A {@code （一）} line is a section when arabic tasks follow it (up to the next {@code （二）} or chapter). Without
 *       arabic tasks under it, it is a task when it carries a unit annotation, or when its chapter has no arabic tasks
 *       and other {@code （n）} items of the chapter carry annotations (then it is a task that lacks units); otherwise a
 *       section with no tasks (such as {@code （一）指导思想} in an introductory chapter).
 *   <li>Text lines continue a task only while it has no annotation and no blank line came between; a line that is an
 *       annotation by itself ({@code （牵头单位：…）}) or a label line attaches to the task even after blank lines. Other
 *       lines (chapter introductions, closing remarks) are prose and ignored.
 *   <li>Tables: a header row in tab-separated form, or three or more header cells on consecutive lines (one cell per
 *       line, blank lines between them allowed). In the one-cell-per-line form a row starts at a line holding only its
 *       序号 ({@code 3} or {@code 3.}); its cells are the following non-blank lines, in column order, up to the next
 *       序号 line. A row with fewer non-blank lines than columns is read position by position, blank lines being empty
 *       cells (so empty cells work only in tables without spacer blank lines). A cell never spans lines. Without a 序号
 *       column, every group of as many non-blank lines as there are columns is a row. Chapter and section headings may
 *       sit between rows.
 * </ul>
 */
final class PlanBodyParser {

  static final Pattern CHAPTER = Pattern.compile(
      "^(?:第([一二三四五六七八九十百]+)(?:章|部分|篇)\\s*[、.．：:]?|([一二三四五六七八九十]{1,3})\\s*[、.．])\\s*(.*)$");
  static final Pattern CN_ITEM = Pattern.compile("^[（(]\\s*([一二三四五六七八九十]{1,3})\\s*[)）]\\s*[、.．]?\\s*(.*)$");
  /** {@code 1.} but not the decimal {@code 1.5万元}; {@code 1.9月底前…} is task 1, since a date may follow the dot. */
  private static final Pattern ARABIC_DOT =
      Pattern.compile("^(\\d{1,3})\\s*[.．、](?!(?!\\d{1,4}\\s*[年月])\\d)\\s*(.+)$");
  private static final Pattern ARABIC_PAREN =
      Pattern.compile("^(?:[（(]\\s*(\\d{1,3})\\s*[)）]|(\\d{1,3})\\s*[)）])\\s*(.+)$");
  /** Headings are stored in columns of 500 characters. */
  private static final int MAX_HEADING = 500;
  private static final Pattern NUMBER_ONLY = Pattern.compile("^(\\d{1,3})\\s*[.．、]?$");

  enum Kind { BLANK, CHAPTER, CN_ITEM, ARABIC, SUB_ITEM, LABEL, HEADER_CELL, NUMBER_ONLY, TEXT }

  private enum Style { DOT, PAREN }

  /**
   * One line, classified: its number and the text after it, the whole (trimmed) line as written, and for tab-separated
   * rows the cells.
   */
  private record Lexed(Kind kind, String number, String body, Style style, String line, List<String> cells) {

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
   * What the body holds. {@code start} is the index of its first line (the lines before are the plan's header), or -1
   * when there is no body; {@code end} is the index after the last line that belongs to a task (what follows, such as a
   * signature and date, is the plan's footer).
   */
  record Result(int start, int end, List<ChapterDraft> chapters, List<TaskDraft> drafts, List<ParseWarning> warnings) {}

  private final UnitAnnotationParser annotations;

  PlanBodyParser(UnitAnnotationParser annotations) {
    this.annotations = annotations;
  }

  Result parse(List<String> lines) {
    Lexed[] lexed = lex(lines);
    int start = bodyStart(lexed);
    if (start < 0) {
      return new Result(-1, -1, List.of(), List.of(), List.of());
    }
    return new Walk(lexed, start).run();
  }

  /** Index of the first body line: a chapter heading, a numbered item or a table header; -1 if there is none. */
  private static int bodyStart(Lexed[] lexed) {
    for (int i = 0; i < lexed.length; i++) {
      Kind kind = lexed[i].kind();
      if (kind == Kind.CHAPTER || kind == Kind.CN_ITEM || kind == Kind.ARABIC || tableHeaderAt(lexed, i).isPresent()) {
        return i;
      }
    }
    return -1;
  }

  // ---------------------------------------------------------------- lexing

  private Lexed[] lex(List<String> lines) {
    Lexed[] lexed = new Lexed[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      String raw = lines.get(i);
      if (raw.indexOf('\t') >= 0) {
        List<String> cells = Arrays.stream(raw.split("\t", -1)).map(Texts::clean).toList();
        lexed[i] = lexLine(String.join("", cells)).withCells(cells); // outside a table the row reads as one line
      } else {
        lexed[i] = lexLine(Texts.clean(raw));
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
      return new Lexed(Kind.CHAPTER, m.group(1) != null ? m.group(1) : m.group(2), m.group(3), null, line, null);
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
      return new Lexed(Kind.ARABIC, m.group(1) != null ? m.group(1) : m.group(2), m.group(3), Style.PAREN, line, null);
    }
    if (TableLayout.headerColumn(line).isPresent()) {
      return new Lexed(Kind.HEADER_CELL, null, line, null, line, null);
    }
    if (annotations.isLabelLine(line)) {
      return new Lexed(Kind.LABEL, null, line, null, line, null);
    }
    return new Lexed(Kind.TEXT, null, line, null, line, null);
  }

  /** The first arabic item fixes the task style; items in the other style are sub-items of a task. */
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

  /** A table header starting at line {@code i}: a tab-separated header row, or header cells one per line. */
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
    while (j < lexed.length && (lexed[j].kind() == Kind.HEADER_CELL || lexed[j].kind() == Kind.BLANK)) {
      if (lexed[j].kind() == Kind.HEADER_CELL) {
        cells.add(lexed[j].body());
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

    Walk(Lexed[] lexed, int start) {
      this.lexed = lexed;
      this.start = start;
      this.cnIsSection = resolveChineseItems();
    }

    Result run() {
      int i = start;
      while (i < lexed.length) {
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
        case CHAPTER -> startChapter(l);
        case CN_ITEM -> {
          if (cnIsSection[i]) {
            startSection(l);
          } else {
            startTask(ChineseNumerals.value(l.number()).orElse(0), l.body(), lineNo);
          }
        }
        case ARABIC -> startTask(Integer.parseInt(l.number()), l.body(), lineNo);
        case LABEL -> {
          if (draft != null) {
            draft.labelLines.add(l.body());
            draft.closed = true;
            tookLine();
          } else {
            warnings.add(new ParseWarning(lineNo, "单位标注行「" + l.body() + "」前面没有任务，已忽略"));
          }
        }
        case SUB_ITEM -> {
          if (draft != null && !draft.closed) {
            draft.text.append(l.line());
            tookLine();
          }
        }
        default -> textLine(l.line());
      }
      blankSinceLastLine = false;
    }

    /** The current line went into a task: the plan's footer can only come after it. */
    private void tookLine() {
      taskEnd = index + 1;
    }

    private void textLine(String text) {
      if (draft == null) {
        return; // prose outside tasks: chapter introductions, closing remarks
      }
      String t = Texts.clean(text);
      Optional<UnitAnnotationParser.Found> annotation = annotations.find(t);
      boolean wholeLineIsAnnotation = annotation.isPresent() && annotation.get().start() == 0
          && Texts.OPEN.indexOf(t.charAt(0)) >= 0;
      if (wholeLineIsAnnotation && draft.labelLines.isEmpty() && annotations.find(draft.text.toString()).isEmpty()) {
        draft.text.append(t);
        draft.closed = true;
        tookLine();
      } else if (!draft.closed && !blankSinceLastLine) {
        draft.text.append(t);
        draft.closed = annotations.find(draft.text.toString()).isPresent();
        tookLine();
      } else {
        draft.closed = true;
      }
    }

    private void startChapter(Lexed l) {
      closeDraft();
      chapter = new ChapterDraft(l.number(), Texts.limit(Texts.clean(l.body()), MAX_HEADING));
      chapters.add(chapter);
      section = null;
    }

    private void startSection(Lexed l) {
      closeDraft();
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
      if (chapter == null && !warnedNoChapter) {
        warnings.add(new ParseWarning(lineNo, "任务前没有章节标题（如“一、……”），任务未归入任何章节"));
        warnedNoChapter = true;
      }
      draft = new TaskDraft(number, chapter == null ? null : chapter.number, section, lineNo);
      taskEnd = lineNo;
      draft.text.append(Texts.clean(text));
      draft.closed = annotations.find(draft.text.toString()).isPresent();
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
        return l.kind() == Kind.NUMBER_ONLY ? anchoredRow(i) : i + 1; // anything else between rows is prose
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
        if (nonBlank.size() > expected && end < lexed.length && lexed[end].kind() == Kind.NUMBER_ONLY) {
          warnings.add(new ParseWarning(i + 1, "表格行的单元格多于表头列数，多出的内容已忽略"));
        }
      } else { // some cells are empty: blank lines count as cells
        for (int j = i + 1; j < i + 1 + expected; j++) {
          cells.add(j < end ? rawText(j) : "");
        }
        lastCell = Math.min(end - 1, i + expected);
      }
      row(cells, i + 1);
      taskEnd = lastCell + 1; // lines after the last cell (closing remarks, signature) are no part of the table
      return end;
    }

    private boolean endsRow(Lexed l) {
      return l.kind() == Kind.NUMBER_ONLY || l.kind() == Kind.CHAPTER || l.kind() == Kind.CN_ITEM
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
        default -> { } // blank lines and prose between rows
      }
    }

    private void row(List<String> cells, int lineNo) {
      startTask(null, "", lineNo);
      TableLayout.fill(draft, table, cells); // without a 序号 the number stays null: numbered in order later
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
        boolean task = !hasArabicUnder(i, to)
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
        if (kind != Kind.BLANK) {
          block.append(lexed[i].body());
        }
      }
      return annotations.find(block.toString()).isPresent();
    }
  }
}
