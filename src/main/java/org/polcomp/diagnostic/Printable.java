package org.polcomp.diagnostic;

import java.util.Locale;

/**
 * Text made safe to show: every report that prints a file name or a value from the data passes it
 * through {@link #escape}, so that a control character (an escape sequence that retitles a
 * terminal, a line feed that splits a diagnostic line in a CI log) is shown, never run.
 */
public final class Printable {
  private Printable() {}

  /**
   * True for a character that must not be written raw: the C0 and C1 controls but tab, and the
   * Unicode line and paragraph separators, which some viewers take as line breaks.
   */
  public static boolean isControl(int c) {
    return c < 0x20 && c != '\t' || c >= 0x7F && c <= 0x9F || c == 0x2028 || c == 0x2029;
  }

  /**
   * The text with each control character written out: {@code \n} and {@code \r} as such, any
   * other as {@code \u001B}; a tab and a backslash stay as they are. Text without one is returned
   * unchanged, at the cost of one scan.
   */
  public static String escape(String s) {
    return escape(s, false);
  }

  /**
   * As {@link #escape(String)}; with {@code keepLineBreaks} a line feed and a carriage return
   * stay raw, for a format that escapes them in its own way (GitHub's {@code %0A}).
   */
  public static String escape(String s, boolean keepLineBreaks) {
    int i = 0;
    while (i < s.length() && !escaped(s.charAt(i), keepLineBreaks)) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!escaped(c, keepLineBreaks)) {
        b.append(c);
      } else if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else {
        b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      }
    }
    return b.toString();
  }

  private static boolean escaped(char c, boolean keepLineBreaks) {
    return isControl(c) && !(keepLineBreaks && (c == '\n' || c == '\r'));
  }

  /** A character as messages name it: {@code U+001B}. */
  public static String name(int c) {
    return String.format(Locale.ROOT, "U+%04X", c);
  }
}
