package cn.fazhiduban.inspection;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * 典型案例通报: the office's notice naming a typical-case finding; a deduction input to the unit's score.
 */
@Entity
@Table(name = "inspection_notice")
public class InspectionNotice {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long inspectionId;
  private Long findingId;
  private String unitCode;
  private String title;
  private String text;
  private Instant publishedAt;
  private String publishedBy;

  protected InspectionNotice() {}

  InspectionNotice(
      Finding finding, String title, String text, String publishedBy, Instant publishedAt) {
    this.inspectionId = finding.getInspectionId();
    this.findingId = finding.getId();
    this.unitCode = finding.getUnitCode();
    this.title = title;
    this.text = text;
    this.publishedBy = publishedBy;
    this.publishedAt = publishedAt;
  }

  public Long getId() {
    return id;
  }

  public Long getInspectionId() {
    return inspectionId;
  }

  public Long getFindingId() {
    return findingId;
  }

  public String getUnitCode() {
    return unitCode;
  }

  public String getTitle() {
    return title;
  }

  public String getText() {
    return text;
  }

  public Instant getPublishedAt() {
    return publishedAt;
  }
}
