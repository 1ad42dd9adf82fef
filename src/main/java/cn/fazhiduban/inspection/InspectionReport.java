package cn.fazhiduban.inspection;

import cn.fazhiduban.engine.EngineClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** 督察报告 (.docx): the inspection, its units, their findings, each rectification and the outcome. */
@Component
@Transactional(readOnly = true)
public class InspectionReport {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final InspectedUnitRepository units;
  private final FindingRepository findings;
  private final FindingRectificationRepository rectifications;
  private final InspectionNoticeRepository notices;

  InspectionReport(
      InspectedUnitRepository units,
      FindingRepository findings,
      FindingRectificationRepository rectifications,
      InspectionNoticeRepository notices) {
    this.units = units;
    this.findings = findings;
    this.rectifications = rectifications;
    this.notices = notices;
  }

  public byte[] docx(Inspection inspection) {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XWPFParagraph title = doc.createParagraph();
      title.setAlignment(ParagraphAlignment.CENTER);
      run(title, "法治督察报告", 18, true);
      paragraph(doc, "督察方式：" + inspection.getKind() + "　　督察主题：" + inspection.getTopic());
      paragraph(
          doc,
          "督察时间："
              + DAY.format(inspection.getStartsOn())
              + " 至 "
              + DAY.format(inspection.getEndsOn())
              + "　　督察组："
              + String.join("、", inspection.groupMembers()));
      paragraph(
          doc,
          "状态："
              + (inspection.getStatus() == Inspection.Status.CLOSED
                  ? "已办结（" + day(inspection.getClosedAt()) + "）"
                  : inspection.getStatus() == Inspection.Status.OPEN ? "进行中" : "已取消"));

      List<InspectedUnit> inspected = units.findByInspectionIdOrderById(inspection.getId());
      heading(doc, "一、被督察单位");
      XWPFTable table = doc.createTable(1, 4);
      cells(table.getRow(0), "单位", "自查报告报送时间", "发现问题", "办结时间");
      for (InspectedUnit unit : inspected) {
        cells(
            table.createRow(),
            unit.getUnitName(),
            day(unit.getSelfReportedAt()),
            String.valueOf(findings.findByInspectedUnitIdOrderById(unit.getId()).size()),
            day(unit.getClosedAt()));
      }

      heading(doc, "二、发现的问题及整改情况");
      int n = 0;
      for (InspectedUnit unit : inspected) {
        List<Finding> found = findings.findByInspectedUnitIdOrderById(unit.getId());
        paragraph(
            doc,
            unit.getUnitName()
                + "："
                + (unit.getOpinion() == null ? "" : "督察意见：" + unit.getOpinion()));
        if (found.isEmpty()) {
          paragraph(doc, "　　未发现问题。");
        }
        for (Finding finding : found) {
          n++;
          paragraph(
              doc,
              "　　"
                  + n
                  + ". 【"
                  + finding.getSeverity()
                  + "】【"
                  + finding.getCategory()
                  + "】"
                  + finding.getDescription()
                  + (finding.isTypicalCase() ? "（典型案例）" : "")
                  + "　整改期限："
                  + DAY.format(finding.getDeadline()));
          for (FindingRectification r : rectifications.findByFindingIdOrderById(finding.getId())) {
            paragraph(
                doc,
                "　　　　"
                    + day(r.getSubmittedAt())
                    + " 报送整改："
                    + r.getMeasures()
                    + "；结果："
                    + r.getResult()
                    + "。验收："
                    + (r.getDecision() == null
                        ? "待验收"
                        : r.getDecision() == FindingRectification.Decision.PASSED ? "通过" : "退回")
                    + (r.getOpinion() == null ? "" : "（" + r.getOpinion() + "）"));
          }
          paragraph(doc, "　　　　结果：" + outcome(finding));
        }
      }

      heading(doc, "三、结论");
      long total =
          inspected.stream()
              .mapToLong(u -> findings.findByInspectedUnitIdOrderById(u.getId()).size())
              .sum();
      long overdue =
          findings.findByInspectionIdOrderById(inspection.getId()).stream()
              .filter(f -> f.getOverdueSince() != null)
              .count();
      paragraph(
          doc,
          "本次督察共督察 "
              + inspected.size()
              + " 个单位，发现问题 "
              + total
              + " 个，其中逾期整改 "
              + overdue
              + " 个。"
              + (inspection.getStatus() == Inspection.Status.CLOSED ? "所有问题均已整改到位并通过验收。" : ""));
      List<InspectionNotice> published = notices.findByInspectionIdOrderById(inspection.getId());
      if (!published.isEmpty()) {
        paragraph(doc, "已通报典型案例 " + published.size() + " 个：" + published.get(0).getTitle());
      }
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String outcome(Finding finding) {
    return switch (finding.getStatus()) {
      case PASSED ->
          "已整改，"
              + day(finding.getPassedAt())
              + " 验收通过"
              + (finding.getOverdueSince() != null ? "（曾逾期）" : "");
      case RECTIFYING ->
          "整改中"
              + (finding.getEscalationLevel() == null
                  ? ""
                  : "（" + finding.getEscalationLevel() + "）");
      case SUBMITTED -> "已报送，待验收";
      case CANCELLED -> "已取消";
    };
  }

  private static String day(Instant at) {
    return at == null ? "—" : DAY.format(at.atZone(EngineClock.ZONE));
  }

  private static void heading(XWPFDocument doc, String text) {
    run(doc.createParagraph(), text, 14, true);
  }

  private static void paragraph(XWPFDocument doc, String text) {
    run(doc.createParagraph(), text, 12, false);
  }

  private static void run(XWPFParagraph paragraph, String text, int size, boolean bold) {
    XWPFRun run = paragraph.createRun();
    run.setFontFamily("仿宋");
    run.setFontSize(size);
    run.setBold(bold);
    run.setText(text);
  }

  private static void cells(XWPFTableRow row, String... texts) {
    for (int i = 0; i < texts.length; i++) {
      row.getCell(i).setText(texts[i]);
    }
  }
}
