package cn.fazhiduban.plan.parse;

import java.util.ArrayList;
import java.util.List;

/** Small text helpers shared by the parser classes. */
final class Texts {

  /** Opening and closing brackets that plans use around annotations and inside unit names. */
  static final String OPEN = "（(〔[【［｛{";

  static final String CLOSE = "）)〕]】］｝}";

  private Texts() {}

  /**
   * Like {@link String#strip()}, but also removes no-break spaces, BOMs and zero-width spaces that
   * Word leaves.
   */
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

  /** Removes every kind of space, e.g. from centred titles such as {@code 序 号}. */
  static String withoutSpaces(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      if (!isSpace(s.charAt(i))) {
        out.append(s.charAt(i));
      }
    }
    return out.toString();
  }

  /**
   * Removes the spaces and line breaks that PDF and web copies leave inside words ({@code 牵 头},
   * {@code 人力 资源社会保障局}, {@code 牵头单位 ：}): a run of spaces goes when it sits between two Chinese
   * characters, unless it separates two names: the text before ends like a unit name and the text
   * after starts like one ({@code 区司法局 区法院}, but {@code 市政府办 公室} is one name broken by a PDF); and
   * when it touches full-width punctuation. Other spaces (between digits and words, in Latin text)
   * stay.
   */
  static String joinBrokenWords(String s) {
    if (s.indexOf(' ') < 0
        && s.indexOf('\u3000') < 0
        && s.indexOf('\t') < 0
        && s.indexOf('\u00A0') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (!isSpace(c)) {
        out.append(c);
        i++;
        continue;
      }
      int end = i;
      while (end < s.length() && isSpace(s.charAt(end))) {
        end++;
      }
      boolean keep = true;
      if (out.length() > 0 && end < s.length()) {
        char left = out.charAt(out.length() - 1);
        char right = s.charAt(end);
        if (isFullWidthPunctuation(left) || isFullWidthPunctuation(right)) {
          keep = false;
        } else if (isHan(left) && isHan(right)) {
          keep =
              UnitNames.endsLikeUnit(out, Math.max(0, out.length() - UnitNames.TAIL))
                  && UnitNames.startsLikeUnit(s, end);
        }
      }
      if (keep) {
        out.append(s, i, end);
      }
      i = end;
    }
    return out.toString();
  }

  static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }

  private static boolean isFullWidthPunctuation(char c) {
    return (c >= '\u3001' && c <= '\u3003')
        || (c >= '\u3008' && c <= '\u3011')
        || (c >= '\u3014' && c <= '\u301F')
        || (c >= '\uFF01' && c <= '\uFF0F')
        || (c >= '\uFF1A' && c <= '\uFF1F')
        || c == '\u201C'
        || c == '\u201D'
        || c == '\u2018'
        || c == '\u2019'
        || c == '\uFF3B'
        || c == '\uFF3D'
        || c == '\uFF5B'
        || c == '\uFF5D';
  }

  static boolean containsHan(String s) {
    return s.codePoints()
        .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
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
   * Splits at every separator character that sits outside brackets, so that {@code 各党委（党组），各单位部门}
   * gives {@code 各党委（党组）} and {@code 各单位部门}. Empty pieces are dropped.
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
}
