package cn.fazhiduban.plan.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plans laid out as a table: a header row (序号 / 工作任务 / 牵头单位 / 配合单位 …) defines the columns, every
 * later row is a task. A row's unit columns become label lines ({@code 牵头单位：…}), so they are read
 * like any other annotation.
 */
final class TableLayout {

  enum Column {
    NUMBER,
    TASK,
    LEAD,
    RESPONSIBLE,
    DEADLINE,
    PERSON,
    OTHER
  }

  private static final Map<String, Column> HEADERS =
      Map.ofEntries(
          Map.entry("序号", Column.NUMBER),
          Map.entry("编号", Column.NUMBER),
          Map.entry("工作任务", Column.TASK),
          Map.entry("主要任务", Column.TASK),
          Map.entry("任务内容", Column.TASK),
          Map.entry("具体任务", Column.TASK),
          Map.entry("重点任务", Column.TASK),
          Map.entry("工作内容", Column.TASK),
          Map.entry("工作措施", Column.TASK),
          Map.entry("具体措施", Column.TASK),
          Map.entry("任务", Column.TASK),
          Map.entry("主要内容", Column.TASK),
          Map.entry("工作事项", Column.TASK),
          Map.entry("任务事项", Column.TASK),
          Map.entry("重点工作", Column.TASK),
          Map.entry("具体工作", Column.TASK),
          Map.entry("任务措施", Column.TASK),
          Map.entry("牵头单位", Column.LEAD),
          Map.entry("牵头部门", Column.LEAD),
          Map.entry("主责单位", Column.LEAD),
          Map.entry("牵头", Column.LEAD),
          Map.entry("责任单位", Column.RESPONSIBLE),
          Map.entry("责任部门", Column.RESPONSIBLE),
          Map.entry("配合单位", Column.RESPONSIBLE),
          Map.entry("配合部门", Column.RESPONSIBLE),
          Map.entry("协办单位", Column.RESPONSIBLE),
          Map.entry("参与单位", Column.RESPONSIBLE),
          Map.entry("完成时限", Column.DEADLINE),
          Map.entry("完成时间", Column.DEADLINE),
          Map.entry("时间节点", Column.DEADLINE),
          Map.entry("完成期限", Column.DEADLINE),
          Map.entry("时限", Column.DEADLINE),
          Map.entry("责任领导", Column.PERSON),
          Map.entry("分管领导", Column.PERSON),
          Map.entry("牵头领导", Column.PERSON),
          Map.entry("责任人", Column.PERSON),
          Map.entry("备注", Column.OTHER),
          Map.entry("工作目标", Column.OTHER),
          Map.entry("预期成效", Column.OTHER),
          Map.entry("成果形式", Column.OTHER));

  private static final Pattern NUMBER_CELL =
      Pattern.compile("^[（(]?\\s*(\\d{1,3}|[一二三四五六七八九十]{1,3})\\s*[)）]?\\s*[.．、]?$");
  private static final Pattern NUMBERED_TEXT =
      Pattern.compile("^(\\d{1,3})\\s*[.．、](?!(?!\\d{1,4}\\s*[年月])\\d)\\s*(.+)$");

  /**
   * The columns of a table; {@code tabbed} when rows come as tab-separated lines rather than one
   * cell per line.
   */
  record Schema(List<String> names, List<Column> columns, boolean tabbed) {

    int size() {
      return columns.size();
    }

    boolean numberFirst() {
      return columns.get(0) == Column.NUMBER;
    }
  }

  private TableLayout() {}

  static Optional<Column> headerColumn(String cell) {
    return Optional.ofNullable(HEADERS.get(Texts.withoutSpaces(cell)));
  }

  /**
   * A header row: every non-empty cell is a known column name, with a task column and a unit column
   * among them.
   */
  static Optional<Schema> schemaOf(List<String> cells, boolean tabbed) {
    List<String> names = new ArrayList<>();
    List<Column> columns = new ArrayList<>();
    for (String cell : cells) {
      String name = Texts.withoutSpaces(cell);
      if (name.isEmpty() && tabbed) {
        names.add("");
        columns.add(Column.OTHER);
        continue;
      }
      Column column = HEADERS.get(name);
      if (column == null) {
        return Optional.empty();
      }
      names.add(name);
      columns.add(column);
    }
    boolean usable =
        columns.size() >= 2
            && columns.contains(Column.TASK)
            && (columns.contains(Column.LEAD) || columns.contains(Column.RESPONSIBLE));
    return usable
        ? Optional.of(new Schema(List.copyOf(names), List.copyOf(columns), tabbed))
        : Optional.empty();
  }

  /** The value of a 序号 cell such as {@code 3}, {@code 3.} or {@code （三）}. */
  static OptionalInt number(String cell) {
    Matcher m = NUMBER_CELL.matcher(Texts.clean(cell));
    if (!m.matches()) {
      return OptionalInt.empty();
    }
    String n = m.group(1);
    return Character.isDigit(n.charAt(0))
        ? OptionalInt.of(Integer.parseInt(n))
        : ChineseNumerals.value(n);
  }

  /** Fills a draft from one row. */
  static void fill(TaskDraft draft, Schema schema, List<String> cells) {
    for (int i = 0; i < schema.size(); i++) {
      String cell = i < cells.size() ? Texts.clean(cells.get(i)) : "";
      if (cell.isEmpty()) {
        continue;
      }
      String name = schema.names().get(i);
      switch (schema.columns().get(i)) {
        case NUMBER -> number(cell).ifPresent(n -> draft.writtenNumber = n);
        case TASK -> appendTask(draft, cell);
        case LEAD ->
            draft.labelLines.add(label(name, UnitAnnotationParser.Role.LEAD, "牵头单位") + "：" + cell);
        case RESPONSIBLE ->
            draft.labelLines.add(
                label(name, UnitAnnotationParser.Role.RESPONSIBLE, "责任单位") + "：" + cell);
        case DEADLINE ->
            draft.labelLines.add(
                label(name, UnitAnnotationParser.Role.DEADLINE, "完成时限") + "：" + cell);
        case PERSON ->
            draft.labelLines.add(
                label(name, UnitAnnotationParser.Role.PERSON, "责任领导") + "：" + cell);
        case OTHER -> {} // 备注 and the like carry nothing the parser needs
      }
    }
    if (draft.writtenNumber == null) { // no 序号 column: the task cell may carry the number itself
      Matcher m = NUMBERED_TEXT.matcher(draft.text);
      if (m.matches()) {
        draft.writtenNumber = Integer.parseInt(m.group(1));
        String rest = m.group(2);
        draft.text.setLength(0);
        draft.text.append(rest);
      }
    }
  }

  private static void appendTask(TaskDraft draft, String cell) {
    // a second task column (工作任务 + 具体措施) continues the first as a new sentence
    if (draft.text.length() > 0 && draft.text.charAt(draft.text.length() - 1) != '。') {
      draft.text.append('。');
    }
    draft.text.append(cell);
  }

  /**
   * The column's own name when the annotation parser knows it in that role, else the usual name for
   * the role.
   */
  private static String label(String name, UnitAnnotationParser.Role role, String fallback) {
    return UnitAnnotationParser.roleOf(name) == role ? name : fallback;
  }
}
