package cn.fazhiduban.plan.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Turns an uploaded plan file into the plain text {@link PlanParser} reads.
 *
 * <p>The content decides the format, the file name only sharpens the message: a Word file is a zip
 * holding {@code word/document.xml}; text is UTF-8 (a BOM is dropped), else GB18030 (which covers
 * GBK and GB2312, common in government files), or UTF-16 when it starts with a UTF-16 BOM. PDF, old
 * Word/WPS (.doc/.wps), images, other archives and binary data are refused with {@link
 * PlanParseException#UNREADABLE}.
 *
 * <p>Word files: body paragraphs and tables are read in document order. A paragraph is a line (line
 * breaks inside it make more lines, tabs become spaces); Word's automatic list numbers ({@code 1.},
 * {@code （一）}) are written out, since the parser needs them. A table row becomes one line with its
 * cells separated by tabs, the form the parser reads as a table row; a row with a single filled
 * cell (a heading merged across the table) becomes a plain line. A cell merged down from the row
 * above repeats that row's text. Paragraphs inside one cell are joined: with 、 when they look like
 * a list of unit names, else directly.
 */
public class PlanDocumentReader {

  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] PDF = {'%', 'P', 'D', 'F'};
  private static final byte[] OLE2 = {
    (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
  };
  private static final byte[] RTF = {'{', '\\', 'r', 't', 'f'};
  private static final byte[][] OTHER_BINARY = {
    {(byte) 0x89, 'P', 'N', 'G'},
    {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
    {'G', 'I', 'F', '8'},
    {'I', 'I', '*', 0},
    {'M', 'M', 0, '*'},
    {'R', 'a', 'r', '!'},
    {'7', 'z', (byte) 0xBC, (byte) 0xAF},
    {0x1F, (byte) 0x8B},
    {'B', 'Z', 'h'}
  };
  private static final Charset GB18030 = Charset.forName("GB18030");
  private static final double MAX_CONTROL_SHARE = 0.01;

  public PlanDocumentReader() {}

  /**
   * Reads the file's text.
   *
   * @param content the file's bytes
   * @param filename the uploaded name, may be {@code null}; only a hint
   * @param contentType the declared type, may be {@code null}; not trusted
   * @throws PlanParseException with {@link PlanParseException#UNREADABLE} when the file is no .docx
   *     or text file
   */
  public String toText(byte[] content, String filename, String contentType) {
    if (content == null || content.length == 0) {
      throw unreadable("文件为空，请重新选择任务分解方案文件");
    }
    String extension = extension(filename);
    if (startsWith(content, ZIP)) {
      if (!hasEntry(content, "word/document.xml")) {
        throw unreadable("该压缩文件不是 Word（.docx）文档，请上传 .docx 或 .txt 格式的任务分解方案");
      }
      return docxText(content);
    }
    if (startsWith(content, PDF)) {
      throw unreadable("暂不支持 PDF 文件，请上传 .docx 或 .txt 格式的任务分解方案");
    }
    if (startsWith(content, OLE2)) {
      throw unreadable("暂不支持旧版 Word（.doc）、WPS 或 Excel 文件，请在 Word 或 WPS 中另存为 .docx 后上传");
    }
    if (startsWith(content, RTF)) {
      throw unreadable("暂不支持 RTF 文件，请另存为 .docx 后上传");
    }
    for (byte[] magic : OTHER_BINARY) {
      if (startsWith(content, magic)) {
        throw unreadable("该文件是图片或压缩包，无法读取文字，请上传 .docx 或 .txt 格式的任务分解方案");
      }
    }
    if (extension.equals("docx")) {
      throw unreadable("文件扩展名为 .docx，但内容不是有效的 Word 文档，文件可能已损坏");
    }
    return plainText(content);
  }

  private static PlanParseException unreadable(String message) {
    return new PlanParseException(PlanParseException.UNREADABLE, message, null);
  }

  private static String extension(String filename) {
    if (filename == null) {
      return "";
    }
    int dot = filename.lastIndexOf('.');
    return dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT).strip();
  }

  private static boolean startsWith(byte[] content, byte[] magic) {
    if (content.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (content[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasEntry(byte[] zip, String name) {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().equals(name)) {
          return true;
        }
      }
      return false;
    } catch (IOException | IllegalArgumentException e) {
      return false; // a damaged archive is no Word file either
    }
  }

  // ---------------------------------------------------------------- text files

  private static String plainText(byte[] content) {
    String text;
    if (content.length >= 2 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE) {
      text = decode(content, 2, StandardCharsets.UTF_16LE);
    } else if (content.length >= 2 && (content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF) {
      text = decode(content, 2, StandardCharsets.UTF_16BE);
    } else {
      if (containsNul(content)) {
        throw unreadable("该文件不是文本文件，无法读取，请上传 .docx 或 .txt 格式的任务分解方案");
      }
      int bom = startsWith(content, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}) ? 3 : 0;
      text = decode(content, bom, StandardCharsets.UTF_8);
      if (text == null) {
        text = decode(content, 0, GB18030); // GBK/GB2312 files are common in government offices
      }
    }
    if (text == null || mostlyControlCharacters(text)) {
      throw unreadable("无法识别文件的文字编码，请将文件另存为 UTF-8 编码的 .txt 或 .docx 后上传");
    }
    return text;
  }

  /** Strict decoding: {@code null} when the bytes are not valid in that charset. */
  private static String decode(byte[] content, int offset, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content, offset, content.length - offset))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean containsNul(byte[] content) {
    for (byte b : content) {
      if (b == 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean mostlyControlCharacters(String text) {
    long control =
        text.chars()
            .filter(
                c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f')
            .count();
    return control > text.length() * MAX_CONTROL_SHARE;
  }

  // ---------------------------------------------------------------- Word files

  private static String docxText(byte[] content) {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(content))) {
      List<String> lines = new ArrayList<>();
      ListNumbers numbers = new ListNumbers();
      for (IBodyElement element : doc.getBodyElements()) {
        if (element instanceof XWPFParagraph p) {
          addParagraph(lines, numbers.label(p) + p.getText());
        } else if (element instanceof XWPFTable t) {
          addTable(lines, t);
        } else if (element instanceof XWPFSDT sdt) {
          addParagraph(lines, sdt.getContent().getText());
        }
      }
      return String.join("\n", lines);
    } catch (IOException | RuntimeException e) {
      throw unreadable("Word 文档已损坏或无法读取，请检查文件后重新上传");
    }
  }

  private static void addParagraph(List<String> lines, String text) {
    for (String line : text.split("\r\n|\r|\n|\u000B", -1)) {
      lines.add(line.replace('\t', ' ')); // tabs in the parser's input mark table cells
    }
  }

  private static void addTable(List<String> lines, XWPFTable table) {
    Map<Integer, String> above = new HashMap<>(); // grid column -> text, for cells merged down
    for (XWPFTableRow row : table.getRows()) {
      List<String> cells = new ArrayList<>();
      int column = 0;
      for (XWPFTableCell cell : row.getTableCells()) {
        String text = mergedFromAbove(cell) ? above.getOrDefault(column, "") : cellText(cell);
        above.put(column, text);
        cells.add(text);
        column += span(cell);
      }
      List<String> filled = cells.stream().filter(c -> !c.isBlank()).toList();
      if (filled.isEmpty()) {
        continue;
      }
      lines.add(
          filled.size() == 1 && cells.size() > 1 && spansRow(row)
              ? filled.get(0)
              : String.join("\t", cells));
    }
    lines.add("");
  }

  /**
   * A row whose only filled cell is merged across the table, e.g. a chapter heading between task
   * rows.
   */
  private static boolean spansRow(XWPFTableRow row) {
    return row.getTableCells().stream()
            .filter(c -> !cellText(c).isBlank())
            .allMatch(c -> span(c) > 1)
        || row.getTableCells().size() == 1;
  }

  private static String cellText(XWPFTableCell cell) {
    List<String> parts = new ArrayList<>();
    for (XWPFParagraph p : cell.getParagraphs()) {
      String t = Texts.clean(p.getText().replace('\t', ' ').replace('\n', ' '));
      if (!t.isEmpty()) {
        parts.add(t);
      }
    }
    for (XWPFTable nested : cell.getTables()) {
      nested.getRows().forEach(r -> r.getTableCells().forEach(c -> parts.add(cellText(c))));
    }
    boolean unitList =
        parts.size() > 1
            && parts.stream().allMatch(p -> p.length() <= 20 && !p.matches(".*[。；;，,].*"));
    return String.join(unitList ? "、" : "", parts);
  }

  private static boolean mergedFromAbove(XWPFTableCell cell) {
    CTTcPr pr = cell.getCTTc().getTcPr();
    if (pr == null || pr.getVMerge() == null) {
      return false;
    }
    return pr.getVMerge().getVal() == null || pr.getVMerge().getVal() == STMerge.CONTINUE;
  }

  private static int span(XWPFTableCell cell) {
    CTTcPr pr = cell.getCTTc().getTcPr();
    if (pr == null || pr.getGridSpan() == null || pr.getGridSpan().getVal() == null) {
      return 1;
    }
    return Math.max(1, pr.getGridSpan().getVal().intValue());
  }

  /** Writes out Word's automatic list numbers, which are not part of a paragraph's text. */
  private static final class ListNumbers {
    private final Map<String, int[]> counters = new HashMap<>();

    String label(XWPFParagraph p) {
      try {
        if (p.getNumID() == null || p.getNumLevelText() == null) {
          return "";
        }
        int level = p.getNumIlvl() == null ? 0 : p.getNumIlvl().intValue();
        int[] count = counters.computeIfAbsent(p.getNumID().toString(), k -> new int[9]);
        count[level]++;
        for (int deeper = level + 1; deeper < count.length; deeper++) {
          count[deeper] = 0;
        }
        String format = p.getNumFmt() == null ? "decimal" : p.getNumFmt();
        String text = p.getNumLevelText();
        for (int l = 0; l <= level; l++) {
          text = text.replace("%" + (l + 1), format(Math.max(1, count[l]), format));
        }
        return text.contains("%") || format.equals("bullet") ? "" : text;
      } catch (RuntimeException e) {
        return ""; // numbering we cannot read: the text alone still goes through
      }
    }

    private static String format(int n, String format) {
      return switch (format) {
        case "chineseCounting",
            "chineseCountingThousand",
            "chineseLegalSimplified",
            "ideographTraditional",
            "japaneseCounting",
            "taiwaneseCounting" ->
            ChineseNumerals.toChinese(n);
        default -> Integer.toString(n);
      };
    }
  }
}
