package cn.fazhiduban.identity;

/** Camunda group ids that are not units. The office's group is the unit group of 依法治区办. */
public final class Groups {

  public static final String OFFICE = "yfzqb";
  public static final String LEADERS = "leaders";
  public static final String ADMINS = "camunda-admin";

  private Groups() {}
}
