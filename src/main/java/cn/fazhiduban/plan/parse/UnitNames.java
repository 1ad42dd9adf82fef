package cn.fazhiduban.plan.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a unit name looks like, for the guesses that tell names from task text. */
final class UnitNames {

  /**
   * How many characters at the end of a text are looked at: enough for a name and a bracket after
   * it.
   */
  static final int TAIL = 40;

  /** A name ends like a unit (the part in brackets, as in 各党委（党组）, does not count). */
  private static final Pattern UNIT_END =
      Pattern.compile(
          "(?:局|办|委|部|院|处|中心|室|街道|镇|乡|政府|公司|单位|部门|队|所|站"
              + "|会|团|社|馆|校|组|厅|署|庭|区|司|行|科|股|机构|组织|企业)(?:[（(][^）)（(]{0,20}[）)])?$");

  /** How names start when they name their level: 区司法局, 县法院, 各街道, 中共…, 市委…. */
  private static final String LEVEL_START = "区县市镇乡省州旗盟各中街村社";

  private UnitNames() {}

  /**
   * Whether the text at {@code from} starts like a unit name: with a level ({@code 区}, {@code 县},
   * {@code 各} …), or as a word of three or more characters that itself ends like a unit ({@code
   * 公安局}).
   */
  static boolean startsLikeUnit(CharSequence s, int from) {
    if (from >= s.length()) {
      return false;
    }
    if (LEVEL_START.indexOf(s.charAt(from)) >= 0) {
      return true;
    }
    int end = from;
    while (end < s.length() && end - from <= TAIL && Texts.isHan(s.charAt(end))) {
      end++;
    }
    return end - from >= 3 && endsLikeUnit(s, from, end);
  }

  /**
   * Whether {@code s} (from {@code from} on; only its last {@link #TAIL} characters count) ends
   * like a unit name.
   */
  static boolean endsLikeUnit(CharSequence s, int from) {
    return endsLikeUnit(s, from, s.length());
  }

  /**
   * Whether {@code s} between {@code from} and {@code to} ends like a unit name; reads at most
   * {@link #TAIL} characters.
   */
  static boolean endsLikeUnit(CharSequence s, int from, int to) {
    int start = Math.max(from, to - TAIL);
    if (start >= to) {
      return false;
    }
    Matcher m = UNIT_END.matcher(s);
    m.region(start, to);
    return m.find();
  }

  static boolean endsLikeUnit(CharSequence s) {
    return endsLikeUnit(s, 0);
  }
}
