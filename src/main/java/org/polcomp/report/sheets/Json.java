package org.polcomp.report.sheets;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Extension values as JSON text, keys in their order; JSON is also valid YAML flow. */
final class Json {
  private Json() {}

  static String of(Object v) {
    StringBuilder b = new StringBuilder();
    write(v, b);
    return b.toString();
  }

  private static void write(Object v, StringBuilder b) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof Map<?, ?> m) {
      b.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          b.append(", ");
        }
        first = false;
        string(String.valueOf(e.getKey()), b);
        b.append(": ");
        write(e.getValue(), b);
      }
      b.append('}');
    } else if (v instanceof List<?> l) {
      b.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          b.append(", ");
        }
        write(l.get(i), b);
      }
      b.append(']');
    } else if (v instanceof Double d) {
      // Always with a point or an exponent, so that it reads back as a float, not an integer.
      String s = BigDecimal.valueOf(d).toString();
      b.append(s.contains(".") || s.contains("E") ? s : s + ".0");
    } else if (v instanceof Number || v instanceof Boolean) {
      b.append(v);
    } else {
      string(v.toString(), b);
    }
  }

  static void string(String s, StringBuilder b) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff
              || Character.isSurrogate(c) && !validPair(s, i)) {
            b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  private static boolean validPair(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
