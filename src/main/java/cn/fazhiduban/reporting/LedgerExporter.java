package cn.fazhiduban.reporting;

import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.reporting.RoundLines.Line;
import cn.fazhiduban.reporting.ScoreService.ScoreRow;
import cn.fazhiduban.supervision.Viewer;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 台账: a round as an Excel workbook, streamed (SXSSF keeps 100 rows in memory and writes the rest to
 * a temporary file), so that a whole-plan round of two thousand work items exports in seconds with
 * flat memory. Sheets: 工作事项 (one row per work item), 单位汇总 (counts, light and score per unit) and
 * 章节汇总 (per chapter of the plan).
 */
@Component
public class LedgerExporter {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private static final String[] ITEM_COLUMNS = {
    "任务编号", "章节", "任务内容", "牵头单位", "承办单位", "状态", "截止时间", "上报时间", "最新进展", "审核意见", "督办等级", "逾期工作日",
    "红黄绿灯"
  };

  /** Column widths in characters; a CJK character takes about two. */
  private static final int[] ITEM_WIDTHS = {9, 8, 60, 18, 16, 9, 17, 17, 50, 30, 10, 10, 8};

  private final RoundLines lines;
  private final ScoreService scores;

  LedgerExporter(RoundLines lines, ScoreService scores) {
    this.lines = lines;
    this.scores = scores;
  }

  /** Writes the round's 台账 as .xlsx; a unit's user gets only his unit's rows. */
  @Transactional(readOnly = true)
  public void write(long roundId, Viewer viewer, OutputStream out) throws IOException {
    ReportingData.Period period = scores.round(roundId);
    List<Line> roundLines = lines.of(roundId, viewer);
    Map<String, Double> scoreByUnit = new LinkedHashMap<>();
    for (ScoreRow row : scores.scores(period, viewer).units()) {
      scoreByUnit.put(row.unitCode(), row.score());
    }
    SXSSFWorkbook workbook = new SXSSFWorkbook(100);
    try {
      Styles styles = new Styles(workbook);
      writeItems(workbook.createSheet("工作事项"), styles, roundLines);
      writeUnits(workbook.createSheet("单位汇总"), styles, roundLines, scoreByUnit);
      writeChapters(workbook.createSheet("章节汇总"), styles, roundLines);
      workbook.write(out);
    } finally {
      workbook.close(); // also deletes the temporary files
    }
  }

  private void writeItems(SXSSFSheet sheet, Styles styles, List<Line> roundLines) {
    header(sheet, styles, ITEM_COLUMNS, ITEM_WIDTHS);
    int r = 1;
    for (Line line : roundLines) {
      ReportingData.ItemRow item = line.item();
      Row row = sheet.createRow(r++);
      number(row, 0, item.taskNo(), styles.text);
      text(row, 1, item.chapter(), styles.text);
      text(row, 2, item.taskText(), styles.wrap);
      text(row, 3, String.join("、", line.leadUnits()), styles.wrap);
      text(row, 4, item.unitName(), styles.wrap);
      text(row, 5, RoundLines.STATUS_NAMES.getOrDefault(item.status(), item.status()), styles.text);
      text(row, 6, format(item.dueAt()), styles.text);
      text(row, 7, format(item.reportedAt()), styles.text);
      text(row, 8, line.latestReport(), styles.wrap);
      text(row, 9, line.latestOpinion(), styles.wrap);
      text(row, 10, item.escalationLevel(), styles.text);
      number(row, 11, line.workingDaysOverdue(), styles.text);
      text(row, 12, RoundLines.LIGHT_NAMES.get(line.light()), styles.light(line.light()));
    }
    finish(sheet, ITEM_COLUMNS.length, r);
  }

  private void writeUnits(
      SXSSFSheet sheet, Styles styles, List<Line> roundLines, Map<String, Double> scoreByUnit) {
    String[] columns = summaryColumns("承办单位", "得分");
    int[] widths = summaryWidths(18);
    header(sheet, styles, columns, widths);
    Map<String, List<Line>> units = new LinkedHashMap<>();
    roundLines.forEach(
        line -> units.computeIfAbsent(line.item().unitName(), k -> new ArrayList<>()).add(line));
    int r = 1;
    for (Map.Entry<String, List<Line>> unit : units.entrySet()) {
      Row row = sheet.createRow(r++);
      int c = summaryRow(row, styles, unit.getKey(), unit.getValue());
      Double score = scoreByUnit.get(unit.getValue().get(0).item().unitCode());
      if (score != null) {
        row.createCell(c).setCellValue(score);
      }
    }
    finish(sheet, columns.length, r);
  }

  private void writeChapters(SXSSFSheet sheet, Styles styles, List<Line> roundLines) {
    String[] columns = summaryColumns("章节", null);
    header(sheet, styles, columns, summaryWidths(40));
    Map<String, List<Line>> chapters = new LinkedHashMap<>();
    roundLines.forEach(
        line -> {
          String chapter =
              line.item().chapter() == null
                  ? "—"
                  : line.item().chapter()
                      + (line.item().chapterTitle() == null
                          ? ""
                          : "、" + line.item().chapterTitle());
          chapters.computeIfAbsent(chapter, k -> new ArrayList<>()).add(line);
        });
    int r = 1;
    for (Map.Entry<String, List<Line>> chapter : chapters.entrySet()) {
      summaryRow(sheet.createRow(r++), styles, chapter.getKey(), chapter.getValue());
    }
    finish(sheet, columns.length, r);
  }

  private static String[] summaryColumns(String first, String last) {
    List<String> columns = new ArrayList<>(List.of(first, "红黄绿灯", "工作事项"));
    RoundLines.STATUSES.forEach(status -> columns.add(RoundLines.STATUS_NAMES.get(status)));
    columns.add("逾期");
    columns.add("督办中");
    if (last != null) {
      columns.add(last);
    }
    return columns.toArray(String[]::new);
  }

  private static int[] summaryWidths(int first) {
    int[] widths = new int[3 + RoundLines.STATUSES.size() + 3];
    java.util.Arrays.fill(widths, 10);
    widths[0] = first;
    return widths;
  }

  /**
   * Writes name, light, total, counts per status, overdue and escalated; returns the next free
   * column.
   */
  private static int summaryRow(Row row, Styles styles, String name, List<Line> group) {
    String light = "green";
    for (Line line : group) {
      light = RoundLines.worst(light, line.light());
    }
    text(row, 0, name, styles.wrap);
    text(row, 1, RoundLines.LIGHT_NAMES.get(light), styles.light(light));
    number(row, 2, group.size(), styles.text);
    int c = 3;
    for (String status : RoundLines.STATUSES) {
      number(
          row,
          c++,
          group.stream().filter(line -> line.item().status().equals(status)).count(),
          styles.text);
    }
    number(row, c++, group.stream().filter(Line::overdue).count(), styles.text);
    number(
        row,
        c++,
        group.stream()
            .filter(
                line ->
                    line.item().escalationLevel() != null && !"CLOSED".equals(line.item().status()))
            .count(),
        styles.text);
    return c;
  }

  private static void header(SXSSFSheet sheet, Styles styles, String[] columns, int[] widths) {
    Row header = sheet.createRow(0);
    header.setHeightInPoints(22);
    for (int c = 0; c < columns.length; c++) {
      text(header, c, columns[c], styles.header);
      sheet.setColumnWidth(c, Math.min(255, widths[c]) * 256);
    }
    sheet.createFreezePane(0, 1);
  }

  private static void finish(SXSSFSheet sheet, int columns, int rows) {
    sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rows - 1), 0, columns - 1));
  }

  private static void text(Row row, int column, String value, CellStyle style) {
    var cell = row.createCell(column);
    if (value != null) {
      // Excel holds at most 32,767 characters in a cell
      cell.setCellValue(value.length() > 32_000 ? value.substring(0, 32_000) + "…" : value);
    }
    cell.setCellStyle(style);
  }

  private static void number(Row row, int column, long value, CellStyle style) {
    var cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }

  private static String format(Instant instant) {
    return instant == null ? null : DATE_TIME.format(instant.atZone(EngineClock.ZONE));
  }

  /** Cell styles are workbook-wide and limited in number: made once per workbook. */
  private static final class Styles {
    final CellStyle header;
    final CellStyle text;
    final CellStyle wrap;
    final CellStyle red;
    final CellStyle yellow;
    final CellStyle green;

    Styles(SXSSFWorkbook workbook) {
      Font bold = workbook.createFont();
      bold.setBold(true);
      bold.setFontName("宋体");
      Font plain = workbook.createFont();
      plain.setFontName("宋体");
      header = workbook.createCellStyle();
      header.setFont(bold);
      header.setAlignment(HorizontalAlignment.CENTER);
      header.setVerticalAlignment(VerticalAlignment.CENTER);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      header.setBorderBottom(BorderStyle.THIN);
      header.setWrapText(true);
      text = workbook.createCellStyle();
      text.setFont(plain);
      text.setVerticalAlignment(VerticalAlignment.TOP);
      wrap = workbook.createCellStyle();
      wrap.cloneStyleFrom(text);
      wrap.setWrapText(true);
      red = filled(workbook, text, IndexedColors.RED);
      yellow = filled(workbook, text, IndexedColors.YELLOW);
      green = filled(workbook, text, IndexedColors.BRIGHT_GREEN);
    }

    CellStyle light(String light) {
      return switch (light) {
        case "red" -> red;
        case "yellow" -> yellow;
        default -> green;
      };
    }

    private static CellStyle filled(SXSSFWorkbook workbook, CellStyle base, IndexedColors color) {
      CellStyle style = workbook.createCellStyle();
      style.cloneStyleFrom(base);
      style.setAlignment(HorizontalAlignment.CENTER);
      style.setFillForegroundColor(color.getIndex());
      style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      return style;
    }
  }
}
