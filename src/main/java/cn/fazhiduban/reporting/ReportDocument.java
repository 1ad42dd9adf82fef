package cn.fazhiduban.reporting;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * A report as a title and blocks (headings, paragraphs, tables), rendered as .docx (Apache POI
 * XWPF) or as plain text for the office's form, and read back from that text: a line like {@code
 * 三、…} is a heading, a line with tabs a table row, anything else a paragraph.
 */
final class ReportDocument {

  sealed interface Block permits Heading, Paragraph, Table {}

  record Heading(String text) implements Block {}

  record Paragraph(String text) implements Block {}

  record Table(List<List<String>> rows) implements Block {}

  private static final Pattern HEADING = Pattern.compile("^[一二三四五六七八九十]+、.*");

  private final String title;
  private final List<Block> blocks = new ArrayList<>();

  ReportDocument(String title) {
    this.title = title;
  }

  String title() {
    return title;
  }

  List<Block> blocks() {
    return blocks;
  }

  ReportDocument heading(String text) {
    blocks.add(new Heading(text));
    return this;
  }

  ReportDocument paragraph(String text) {
    blocks.add(new Paragraph(text));
    return this;
  }

  ReportDocument table(List<List<String>> rows) {
    blocks.add(new Table(rows));
    return this;
  }

  String toText() {
    StringBuilder text = new StringBuilder(title).append('\n');
    for (Block block : blocks) {
      if (block instanceof Heading h) {
        text.append(h.text()).append('\n');
      } else if (block instanceof Paragraph p) {
        text.append(p.text().replace('\n', ' ')).append('\n');
      } else if (block instanceof Table t) {
        t.rows().forEach(row -> text.append(String.join("\t", row)).append('\n'));
      }
    }
    return text.toString();
  }

  /** Reads the office's edited text back; the first non-empty line is the title. */
  static ReportDocument fromText(String text) {
    List<String> lines = text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    ReportDocument document = new ReportDocument(lines.isEmpty() ? "" : lines.get(0));
    List<List<String>> table = new ArrayList<>();
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      if (line.contains("\t")) {
        table.add(List.of(line.split("\t")));
        continue;
      }
      if (!table.isEmpty()) {
        document.table(List.copyOf(table));
        table.clear();
      }
      if (HEADING.matcher(line).matches()) {
        document.heading(line);
      } else {
        document.paragraph(line);
      }
    }
    if (!table.isEmpty()) {
      document.table(List.copyOf(table));
    }
    return document;
  }

  byte[] toDocx() {
    try (XWPFDocument docx = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      docx.getProperties().getCoreProperties().setTitle(title);
      XWPFParagraph head = docx.createParagraph();
      head.setStyle("Title");
      head.setAlignment(ParagraphAlignment.CENTER);
      run(head, title, 22, true);
      for (Block block : blocks) {
        if (block instanceof Heading h) {
          XWPFParagraph p = docx.createParagraph();
          p.setStyle("Heading1");
          p.setSpacingBefore(240);
          run(p, h.text(), 16, true);
        } else if (block instanceof Paragraph para) {
          XWPFParagraph p = docx.createParagraph();
          p.setFirstLineIndent(480);
          run(p, para.text(), 12, false);
        } else if (block instanceof Table t) {
          table(docx, t);
        }
      }
      docx.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The paragraphs' text of a .docx (table rows with tabs), for the office's form after an upload.
   */
  static String textOf(byte[] docx) {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
      StringBuilder text = new StringBuilder();
      for (var element : document.getBodyElements()) {
        if (element instanceof XWPFParagraph p) {
          text.append(p.getText()).append('\n');
        } else if (element instanceof XWPFTable t) {
          for (XWPFTableRow row : t.getRows()) {
            text.append(
                    String.join("\t", row.getTableCells().stream().map(c -> c.getText()).toList()))
                .append('\n');
          }
        }
      }
      return text.toString();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("不是有效的 .docx 文件", e);
    }
  }

  private static void table(XWPFDocument docx, Table t) {
    if (t.rows().isEmpty()) {
      return;
    }
    int columns = t.rows().stream().mapToInt(List::size).max().orElse(1);
    XWPFTable table = docx.createTable(t.rows().size(), columns);
    table.setWidth("100%");
    for (int r = 0; r < t.rows().size(); r++) {
      List<String> cells = t.rows().get(r);
      for (int c = 0; c < columns; c++) {
        var cell = table.getRow(r).getCell(c);
        XWPFParagraph p = cell.getParagraphs().get(0);
        run(p, c < cells.size() ? cells.get(c) : "", 10.5, r == 0);
      }
    }
    docx.createParagraph();
  }

  private static void run(XWPFParagraph paragraph, String text, double size, boolean bold) {
    XWPFRun run = paragraph.createRun();
    run.setText(text == null ? "" : text);
    run.setFontFamily("宋体");
    run.setFontSize(size);
    run.setBold(bold);
  }
}
