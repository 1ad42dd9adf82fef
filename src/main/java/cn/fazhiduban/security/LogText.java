package cn.fazhiduban.security;

/**
 * User-controlled text for log lines: line breaks and other control characters escaped, so no line
 * can be forged.
 */
public final class LogText {

  private static final int MAX = 200;

  private LogText() {}

  public static String safe(Object value) {
    if (value == null) {
      return "null";
    }
    String text = value.toString();
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 8);
    for (int i = 0; i < text.length() && out.length() < MAX; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    if (out.length() >= MAX && text.length() > MAX) {
      out.append('…');
    }
    return out.toString();
  }
}
