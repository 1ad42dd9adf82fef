package cn.fazhiduban.plan;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An imported 任务分解方案. Its text is kept as imported; the hash makes a second import of it find this
 * one.
 */
@Entity
@Table(name = "plan")
public class Plan {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String title;
  private String issuer;

  @Column(name = "issued_on")
  private LocalDate issuedOn;

  @Column(name = "content_hash")
  private String contentHash;

  @Column(name = "source_text")
  private String sourceText;

  @Column(name = "imported_at")
  private Instant importedAt;

  @Column(name = "imported_by")
  private String importedBy;

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "plan_id", nullable = false)
  @OrderBy("ordinal")
  private List<PlanChapter> chapters = new ArrayList<>();

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "plan_id", nullable = false)
  @OrderBy("number")
  private List<PlanTask> tasks = new ArrayList<>();

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "plan_id", nullable = false)
  @OrderBy("line")
  private List<PlanWarning> warnings = new ArrayList<>();

  protected Plan() {}

  public Plan(
      String title,
      String issuer,
      LocalDate issuedOn,
      String contentHash,
      String sourceText,
      Instant importedAt,
      String importedBy) {
    this.title = title;
    this.issuer = issuer;
    this.issuedOn = issuedOn;
    this.contentHash = contentHash;
    this.sourceText = sourceText;
    this.importedAt = importedAt;
    this.importedBy = importedBy;
  }

  public Long getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public String getIssuer() {
    return issuer;
  }

  public LocalDate getIssuedOn() {
    return issuedOn;
  }

  public String getContentHash() {
    return contentHash;
  }

  public String getSourceText() {
    return sourceText;
  }

  public Instant getImportedAt() {
    return importedAt;
  }

  public String getImportedBy() {
    return importedBy;
  }

  public List<PlanChapter> getChapters() {
    return chapters;
  }

  public List<PlanTask> getTasks() {
    return tasks;
  }

  public List<PlanWarning> getWarnings() {
    return warnings;
  }
}
