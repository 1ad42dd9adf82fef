package cn.fazhiduban.unit;

/** What sort of body a unit is; collective names expand by kind. */
public enum UnitKind {
  /** 管委会部门 */
  DEPARTMENT("部门"),
  /** 党工委工作机关 */
  PARTY("党委工作机关"),
  /** 街道 */
  STREET("街道"),
  /** 法院、检察院的派出机构 */
  JUDICIAL("司法机关派出机构"),
  /** 依法治区办, the office that supervises the plan */
  OFFICE("依法治区办");

  private final String label;

  UnitKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
