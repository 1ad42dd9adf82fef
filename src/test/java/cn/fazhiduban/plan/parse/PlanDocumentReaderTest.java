package cn.fazhiduban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/**
 * Reading uploaded files. Word fixtures are built in memory with POI, so no binary file sits in the
 * repository.
 */
class PlanDocumentReaderTest {

  private final PlanDocumentReader reader = new PlanDocumentReader();

  // ---------------------------------------------------------------- text files

  @Test
  void utf8TextWithBom() {
    byte[] seed = PlanFixtures.bytes(PlanFixtures.SEED);
    byte[] withBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, seed);
    String text = reader.toText(withBom, "方案.txt", "text/plain");
    assertThat(text).isEqualTo(PlanFixtures.seed()).doesNotStartWith("\uFEFF");
    assertThat(PlanFixtures.parse(text).tasks()).hasSize(74);
  }

  @Test
  void gb18030Text() {
    byte[] gbk = PlanFixtures.seed().getBytes(Charset.forName("GB18030"));
    String text = reader.toText(gbk, "方案.txt", "text/plain");
    assertThat(text).isEqualTo(PlanFixtures.seed());
    ParsedPlan plan = PlanFixtures.parse(text);
    assertThat(plan.tasks()).hasSize(74);
    assertThat(plan.issuer()).isEqualTo("两江新区全面依法治区委员会");
  }

  @Test
  void gbkBytesOfAShortText() {
    byte[] gbk = "一、任务\n1.加强法治宣传。（牵头单位：区司法局）".getBytes(Charset.forName("GBK"));
    assertThat(reader.toText(gbk, null, null)).isEqualTo("一、任务\n1.加强法治宣传。（牵头单位：区司法局）");
  }

  @Test
  void utf16TextWithBom() {
    byte[] utf16 =
        concat(
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            "一、任务\n1.测试任务。".getBytes(StandardCharsets.UTF_16LE));
    assertThat(reader.toText(utf16, "plan.txt", null)).isEqualTo("一、任务\n1.测试任务。");
  }

  // ---------------------------------------------------------------- Word files

  @Test
  void docxWithTasksInParagraphsReadsLikeTheTextFile() {
    byte[] docx =
        docx(
            doc ->
                PlanFixtures.seed()
                    .lines()
                    .forEach(line -> doc.createParagraph().createRun().setText(line)));
    String text =
        reader.toText(
            docx,
            "两江新区方案.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    ParsedPlan fromWord = PlanFixtures.parse(text);
    assertThat(fromWord).isEqualTo(PlanFixtures.parse(PlanFixtures.seed()));
  }

  @Test
  void docxParagraphTabsAndLineBreaks() {
    byte[] docx =
        docx(
            doc -> {
              doc.createParagraph().createRun().setText("临江区法治政府建设任务分解方案");
              doc.createParagraph().createRun().setText("一、健全依法决策机制");
              XWPFRun run = doc.createParagraph().createRun();
              run.setText("1.\t制定年度重大行政决策事项目录。");
              run.addBreak();
              run.setText("（牵头单位：区政府办公室；责任单位：各部门）");
            });
    String text = reader.toText(docx, "plan.docx", null);
    assertThat(text.lines()).contains("1. 制定年度重大行政决策事项目录。", "（牵头单位：区政府办公室；责任单位：各部门）");
    ParsedPlan plan = PlanFixtures.parse(text);
    assertThat(plan.tasks())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.text()).isEqualTo("制定年度重大行政决策事项目录。");
              assertThat(t.leadUnits()).containsExactly("区政府办公室");
              assertThat(t.responsibleUnits()).containsExactly("各部门");
            });
  }

  @Test
  void docxWithWordListNumbering() {
    byte[] docx =
        docx(
            doc -> {
              XWPFNumbering numbering = doc.createNumbering();
              BigInteger chapters =
                  numbering.addNum(
                      numbering.addAbstractNum(
                          abstractNum(0, STNumberFormat.CHINESE_COUNTING, "%1、")));
              BigInteger tasks =
                  numbering.addNum(
                      numbering.addAbstractNum(abstractNum(1, STNumberFormat.DECIMAL, "%1.")));
              doc.createParagraph().createRun().setText("临江区法治政府建设工作要点");
              numbered(doc, chapters, "健全依法决策机制");
              numbered(doc, tasks, "制定重大行政决策事项目录。（牵头单位：区政府办公室）");
              numbered(doc, tasks, "推行法律顾问制度。（牵头单位：区司法局）");
              numbered(doc, chapters, "严格规范执法");
              numbered(doc, tasks, "落实行政执法三项制度。（牵头单位：区司法局；责任单位：各执法部门）");
            });
    ParsedPlan plan = PlanFixtures.parse(reader.toText(docx, "plan.docx", null));
    assertThat(plan.warnings()).isEmpty();
    assertThat(plan.chapters()).extracting(ParsedPlan.Chapter::number).containsExactly("一", "二");
    assertThat(plan.tasks()).extracting(ParsedTask::number).containsExactly(1, 2, 3);
    assertThat(plan.tasks()).extracting(ParsedTask::chapter).containsExactly("一", "一", "二");
  }

  @Test
  void docxWithTasksInATable() {
    byte[] docx =
        docx(
            doc -> {
              doc.createParagraph().createRun().setText("临江区法治政府建设任务分工表");
              doc.createParagraph().createRun().setText("临江区人民政府办公室");
              doc.createParagraph().createRun().setText("2024年3月1日");
              XWPFTable table = doc.createTable(1, 4);
              String[] header = {"序号", "工作任务", "牵头单位", "配合单位"};
              for (int i = 0; i < 4; i++) {
                table.getRow(0).getCell(i).setText(header[i]);
              }
              mergedRow(table, "一、健全依法决策机制");
              row(table, "1", "制定年度重大行政决策事项目录，12月底前向社会公布。", "区政府办公室", "区司法局、各部门");
              XWPFTableRow second = row(table, "2", "健全行政规范性文件合法性审核机制。", "区司法局", "");
              XWPFTableCell units = second.getCell(3);
              units.removeParagraph(0);
              units.addParagraph().createRun().setText("区发展改革委");
              units.addParagraph().createRun().setText("区财政局");
              mergedRow(table, "二、严格规范公正文明执法");
              XWPFTableRow third = row(table, "3", "深化综合行政执法改革。", "区委编办", "各街道办事处");
              XWPFTableRow fourth = row(table, "4", "规范涉企行政检查。", "", "有关部门按职责分工负责");
              third.getCell(2).getCTTc().addNewTcPr().addNewVMerge().setVal(STMerge.RESTART);
              fourth
                  .getCell(2)
                  .getCTTc()
                  .addNewTcPr()
                  .addNewVMerge(); // merged with the cell above: 区委编办
            });
    String text = reader.toText(docx, "任务分工表.docx", null);
    assertThat(text.lines()).contains("序号\t工作任务\t牵头单位\t配合单位", "一、健全依法决策机制");

    ParsedPlan plan = PlanFixtures.parse(text);
    assertThat(plan.title()).isEqualTo("临江区法治政府建设任务分工表");
    assertThat(plan.issuer()).isEqualTo("临江区人民政府办公室");
    assertThat(plan.issuedOn()).hasToString("2024-03-01");
    assertThat(plan.warnings()).isEmpty();
    assertThat(plan.chapters()).extracting(ParsedPlan.Chapter::number).containsExactly("一", "二");
    assertThat(plan.tasks()).extracting(ParsedTask::number).containsExactly(1, 2, 3, 4);
    assertThat(plan.tasks()).extracting(ParsedTask::chapter).containsExactly("一", "一", "二", "二");
    ParsedTask first = plan.tasks().get(0);
    assertThat(first.text()).isEqualTo("制定年度重大行政决策事项目录，12月底前向社会公布。");
    assertThat(first.leadUnits()).containsExactly("区政府办公室");
    assertThat(first.responsibleUnits()).containsExactly("区司法局", "各部门");
    assertThat(first.milestones())
        .extracting(ParsedPlan.Milestone::due)
        .containsExactly(java.time.LocalDate.of(2024, 12, 31));
    assertThat(plan.tasks().get(1).responsibleUnits()).containsExactly("区发展改革委", "区财政局");
    assertThat(plan.tasks().get(3).leadUnits()).containsExactly("区委编办");
    assertThat(plan.tasks().get(3).responsibleUnits()).containsExactly("有关部门");
    assertThat(plan.tasks().get(3).byDivision()).as("a lead unit is named").isFalse();
  }

  // ---------------------------------------------------------------- junk

  @Test
  void refusesEmptyFiles() {
    assertUnreadable(new byte[0], "plan.txt");
    assertUnreadable(null, "plan.txt");
  }

  @Test
  void refusesImagesPdfAndOldWord() {
    assertUnreadable(
        concat(
            new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, randomBytes(200, 1)),
        "扫描件.png");
    assertUnreadable(
        "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
            .getBytes(StandardCharsets.ISO_8859_1),
        "方案.pdf");
    byte[] ole2 =
        concat(
            new byte[] {
              (byte) 0xD0,
              (byte) 0xCF,
              0x11,
              (byte) 0xE0,
              (byte) 0xA1,
              (byte) 0xB1,
              0x1A,
              (byte) 0xE1
            },
            randomBytes(500, 2));
    assertThatThrownBy(() -> reader.toText(ole2, "方案.doc", "application/msword"))
        .isInstanceOfSatisfying(
            PlanParseException.class,
            e -> {
              assertThat(e.code()).isEqualTo(PlanParseException.UNREADABLE);
              assertThat(e.getMessage()).contains(".doc").contains("另存为 .docx");
            });
  }

  @Test
  void refusesAZipThatIsNoWordFile() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("readme.txt"));
      zip.write("1.加强法治宣传。".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    assertUnreadable(out.toByteArray(), "方案.docx");
    assertUnreadable(concat(new byte[] {'P', 'K', 3, 4}, randomBytes(100, 3)), "plan.docx");
  }

  @Test
  void refusesRandomBytes() {
    assertUnreadable(randomBytes(4096, 4), "data.bin");
    byte[] noZeros = randomBytes(4096, 5);
    for (int i = 0; i < noZeros.length; i++) {
      noZeros[i] = noZeros[i] == 0 ? 1 : noZeros[i];
    }
    assertUnreadable(noZeros, "data.txt");
  }

  @Test
  void refusesADocxNameOnPlainText() {
    assertUnreadable("1.加强法治宣传。".getBytes(StandardCharsets.UTF_8), "方案.docx");
  }

  @Test
  void readsProseThatTheParserThenRejects() {
    String text =
        reader.toText("hello world".getBytes(StandardCharsets.UTF_8), "note.txt", "text/plain");
    assertThatThrownBy(() -> PlanFixtures.parse(text))
        .isInstanceOfSatisfying(
            PlanParseException.class,
            e -> assertThat(e.code()).isEqualTo(PlanParseException.NOT_A_PLAN));
  }

  // ---------------------------------------------------------------- helpers

  private void assertUnreadable(byte[] content, String filename) {
    assertThatThrownBy(() -> reader.toText(content, filename, null))
        .isInstanceOfSatisfying(
            PlanParseException.class,
            e -> {
              assertThat(e.code()).isEqualTo(PlanParseException.UNREADABLE);
              assertThat(e.getMessage()).containsPattern("\\p{IsHan}");
              assertThat(e.line()).isNull();
            });
  }

  private static byte[] docx(Consumer<XWPFDocument> content) {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      content.accept(doc);
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static XWPFAbstractNum abstractNum(int id, STNumberFormat.Enum format, String levelText) {
    CTAbstractNum abs = CTAbstractNum.Factory.newInstance();
    abs.setAbstractNumId(BigInteger.valueOf(id));
    CTLvl level = abs.addNewLvl();
    level.setIlvl(BigInteger.ZERO);
    level.addNewStart().setVal(BigInteger.ONE);
    level.addNewNumFmt().setVal(format);
    level.addNewLvlText().setVal(levelText);
    return new XWPFAbstractNum(abs);
  }

  private static void numbered(XWPFDocument doc, BigInteger numId, String text) {
    XWPFParagraph p = doc.createParagraph();
    p.setNumID(numId);
    p.setNumILvl(BigInteger.ZERO);
    p.createRun().setText(text);
  }

  private static XWPFTableRow row(XWPFTable table, String... cells) {
    XWPFTableRow row = table.createRow();
    for (int i = 0; i < cells.length; i++) {
      row.getCell(i).setText(cells[i]);
    }
    return row;
  }

  /** A row whose single cell spans all four columns, as chapter headings in task tables do. */
  private static void mergedRow(XWPFTable table, String text) {
    XWPFTableRow row = table.createRow();
    while (row.getTableCells().size() > 1) {
      row.removeCell(row.getTableCells().size() - 1);
    }
    row.getCtRow().getTcList().subList(1, row.getCtRow().getTcList().size()).clear();
    XWPFTableCell cell = row.getCell(0);
    cell.getCTTc().addNewTcPr().addNewGridSpan().setVal(BigInteger.valueOf(4));
    cell.setText(text);
  }

  private static byte[] randomBytes(int n, long seed) {
    byte[] bytes = new byte[n];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
