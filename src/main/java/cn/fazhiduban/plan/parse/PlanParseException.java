package cn.fazhiduban.plan.parse;

/**
 * The input is no plan we can read. {@link #code()} is {@code not-a-plan}, {@code unreadable}, or
 * {@code too-slow} when the parse ran past its deadline.
 */
public class PlanParseException extends RuntimeException {

  public static final String NOT_A_PLAN = "not-a-plan";
  public static final String UNREADABLE = "unreadable";
  public static final String TOO_SLOW = "too-slow";

  private final String code;
  private final Integer line;

  public PlanParseException(String code, String message, Integer line) {
    super(message);
    this.code = code;
    this.line = line;
  }

  public String code() {
    return code;
  }

  /** The 1-based line the problem was found on, or {@code null}. */
  public Integer line() {
    return line;
  }
}
