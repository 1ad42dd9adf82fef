package cn.fazhiduban.plan.parse;

import java.util.OptionalInt;

/**
 * Chinese numerals as plans use them for chapters and sections: 一 … 十 … 三十一 … 九十九 (and 〇/零 in
 * dates).
 */
final class ChineseNumerals {

  private static final String DIGITS = "〇一二三四五六七八九";

  private ChineseNumerals() {}

  /** The value of a numeral such as {@code 三十一}, or empty if the text is no numeral below 1000. */
  static OptionalInt value(String numeral) {
    if (numeral == null || numeral.isEmpty()) {
      return OptionalInt.empty();
    }
    String s = numeral.replace('零', '〇').replace('○', '〇').replace('两', '二');
    int total = 0;
    int pending = -1; // digit waiting for its unit; -1 = none
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int digit = DIGITS.indexOf(c);
      if (digit >= 0) {
        if (pending > 0) { // two digits in a row, e.g. 二〇二二 — only valid in the positional form
          return positional(s);
        }
        pending = digit;
        continue;
      }
      int unit =
          switch (c) {
            case '十' -> 10;
            case '百' -> 100;
            default -> -1;
          };
      if (unit < 0) {
        return OptionalInt.empty();
      }
      total += (pending < 0 ? 1 : pending) * unit; // 十一 = 11: a leading unit counts once
      pending = -1;
    }
    if (pending > 0) {
      total += pending;
    }
    return total > 0 ? OptionalInt.of(total) : OptionalInt.empty();
  }

  /** Writes 1 … 99 the way plans number chapters and sections: 一, 十, 十一, 二十, 三十一. */
  static String toChinese(int n) {
    if (n <= 0 || n >= 100) {
      return Integer.toString(n);
    }
    int tens = n / 10;
    int ones = n % 10;
    String t = tens == 0 ? "" : (tens == 1 ? "" : String.valueOf(DIGITS.charAt(tens))) + "十";
    return t + (ones == 0 ? "" : String.valueOf(DIGITS.charAt(ones)));
  }

  /** Digit by digit, as in years: 二〇二二 = 2022. */
  private static OptionalInt positional(String s) {
    int value = 0;
    for (int i = 0; i < s.length(); i++) {
      int digit = DIGITS.indexOf(s.charAt(i));
      if (digit < 0) {
        return OptionalInt.empty();
      }
      value = value * 10 + digit;
    }
    return OptionalInt.of(value);
  }
}
