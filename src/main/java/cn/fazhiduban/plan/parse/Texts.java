package cn.fazhiduban.plan.parse;

import java.util.ArrayList;
import java.util.List;

/** Small text helpers shared by the parser classes. */
final class Texts {

  /** Opening and closing brackets that plans use around annotations and inside unit names. */
  static final String OPEN = "（(〔[【［｛{";
  static final String CLOSE = "）)〕]】］｝}";

  private Texts() {}

  /** Like {@link String#strip()}, but also removes no-break spaces, BOMs and zero-width spaces that Word leaves. */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
  }

  static boolean isBlank(String s) {
    return clean(s).isEmpty();
  }

  /** Removes every kind of space, e.g. from centred titles such as {@code 序  号}. */
  static String withoutSpaces(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      if (!isSpace(s.charAt(i))) {
        out.append(s.charAt(i));
      }
    }
    return out.toString();
  }

  static boolean containsHan(String s) {
    return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
  }

  /** Strips the given characters from the end of {@code s} (after trimming). */
  static String stripTrailing(String s, String chars) {
    String t = clean(s);
    int end = t.length();
    while (end > 0 && (chars.indexOf(t.charAt(end - 1)) >= 0 || isSpace(t.charAt(end - 1)))) {
      end--;
    }
    return t.substring(0, end);
  }

  /**
   * Splits at every separator character that sits outside brackets, so that {@code 各党委（党组），各单位部门} gives
   * {@code 各党委（党组）} and {@code 各单位部门}. Empty pieces are dropped.
   */
  static List<String> splitOutsideBrackets(String s, String separators) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (OPEN.indexOf(c) >= 0) {
        depth++;
      } else if (CLOSE.indexOf(c) >= 0 && depth > 0) {
        depth--;
      }
      if (depth == 0 && separators.indexOf(c) >= 0) {
        addIfNotBlank(parts, current);
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    addIfNotBlank(parts, current);
    return parts;
  }

  private static void addIfNotBlank(List<String> parts, CharSequence piece) {
    String p = clean(piece.toString());
    if (!p.isEmpty()) {
      parts.add(p);
    }
  }

  /** At most {@code max} characters, ending in … when cut; {@code null} stays {@code null}. */
  static String limit(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    return s.substring(0, max - 1) + "…";
  }

  /** Full-width parentheses, so that {@code (一)} and {@code （一）} name the same section. */
  static String fullWidthParens(String s) {
    return s.replace('(', '（').replace(')', '）');
  }
}
