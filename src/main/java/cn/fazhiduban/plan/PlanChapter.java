package cn.fazhiduban.plan;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A chapter (一、二、…) of a plan with its sections (（一）（二）…). */
@Entity
@Table(name = "plan_chapter")
public class PlanChapter {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private int ordinal;
  private String number;
  private String title;

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "chapter_id", nullable = false)
  @OrderBy("ordinal")
  private List<PlanSection> sections = new ArrayList<>();

  protected PlanChapter() {}

  public PlanChapter(int ordinal, String number, String title) {
    this.ordinal = ordinal;
    this.number = number;
    this.title = title;
  }

  public String getNumber() {
    return number;
  }

  public String getTitle() {
    return title;
  }

  public List<PlanSection> getSections() {
    return sections;
  }
}
