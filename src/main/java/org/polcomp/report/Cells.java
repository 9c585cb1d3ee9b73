package org.polcomp.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The cell rules all writers share: which Java values a column type accepts, how they are
 * normalized, and how a decimal number is written as text.
 */
public final class Cells {
  private Cells() {}

  private static final MathContext[] DIGITS = new MathContext[18];

  static {
    for (int p = 1; p < DIGITS.length; p++) {
      DIGITS[p] = new MathContext(p, RoundingMode.HALF_EVEN);
    }
  }

  /**
   * The cell of {@code row} in column {@code col}, checked against the column type and normalized:
   * INTEGER gives a {@link Long}, NUMBER and SHARE a finite {@link Double} (NaN and infinities
   * become empty), EXTENSIONS a {@link Map}. A value of the wrong type is a programming error.
   *
   * @param rowIndex the 0-based data row, for the error message
   */
  public static Object value(Table table, long rowIndex, List<Object> row, int col) {
    if (row.size() != table.columns().size()) {
      throw new IllegalArgumentException(where(table, rowIndex, null) + " has " + row.size()
          + " cells for " + table.columns().size() + " columns");
    }
    Column column = table.columns().get(col);
    Object v = row.get(col);
    if (v == null) {
      return null;
    }
    switch (column.type()) {
      case TEXT, DATE_TEXT, URL -> {
        if (v instanceof String) {
          return v;
        }
      }
      case INTEGER -> {
        if (v instanceof Long || v instanceof Integer) {
          return ((Number) v).longValue();
        }
      }
      case NUMBER, SHARE -> {
        if (v instanceof Double || v instanceof Long || v instanceof Integer) {
          double d = ((Number) v).doubleValue();
          return Double.isFinite(d) ? d : null;
        }
      }
      case BOOLEAN -> {
        if (v instanceof Boolean) {
          return v;
        }
      }
      case EXTENSIONS -> {
        if (v instanceof Map) {
          return v;
        }
      }
    }
    throw new IllegalArgumentException(where(table, rowIndex, column) + ": a "
        + v.getClass().getSimpleName() + " in a " + column.type() + " column");
  }

  private static String where(Table table, long rowIndex, Column column) {
    return "table " + table.key() + " row " + (rowIndex + 1)
        + (column == null ? "" : " column " + column.key());
  }

  /**
   * A decimal number as text: the fewest significant digits that read back as the same double,
   * plain notation (no exponent) from 1e-7 up to 1e21, {@code 0} for zero of either sign.
   * Independent of the locale and of the JDK's {@code Double.toString}.
   */
  public static String number(double d) {
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("not a finite number: " + d);
    }
    if (d == 0) {
      return "0";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    // Decimals of at most 15 significant digits map to distinct doubles, so one that reads back is
    // the only one of its length and the shortest: Java's own text is the answer whenever it is
    // that short, on every JDK.
    String text = Double.toString(d);
    if (Math.abs(d) >= 1e-3 && Math.abs(d) < 1e7 && significantDigits(text) <= 15) {
      // plain notation without trailing zeros already: what the decimal below would print
      return text;
    }
    BigDecimal fast = new BigDecimal(text).stripTrailingZeros();
    if (fast.precision() <= 15) {
      return layout(fast);
    }
    // 17 significant digits always read back, and whether p digits do only grows with p (the
    // value rounded to p + 1 digits is at least as close as the one rounded to p), so the fewest
    // that do can be searched for in any order. The text had more than 15 digits: the fewest is
    // 16 or 17 but where the JDK's text is longer than it need be, so those two are tried first
    // (two roundings where a bisection of 1 to 17 took five), then a bisection of the rest.
    // Rounding starts from the exact value each time: rounding a rounded value can land one off.
    BigDecimal exact = new BigDecimal(d);
    BigDecimal sixteen = exact.round(DIGITS[16]);
    if (sixteen.doubleValue() != d) {
      return layout(exact.round(DIGITS[17]).stripTrailingZeros());
    }
    if (exact.round(DIGITS[15]).doubleValue() != d) {
      return layout(sixteen.stripTrailingZeros());
    }
    int lo = 1;
    int hi = 15;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (exact.round(DIGITS[mid]).doubleValue() == d) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return layout(exact.round(DIGITS[lo]).stripTrailingZeros());
  }

  // The digits of a plain decimal such as -0.0125 that count: from the first non-zero on.
  private static int significantDigits(String plain) {
    int n = 0;
    boolean started = false;
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      if (c >= '1' && c <= '9' || c == '0' && started) {
        started = true;
        n++;
      } else if (c != '.' && c != '-' && c != '0') {
        return Integer.MAX_VALUE; // an exponent: not plain
      }
    }
    return n;
  }

  private static String layout(BigDecimal b) {
    int exponent = b.precision() - b.scale() - 1;
    return exponent < -7 || exponent >= 21 ? b.toString() : b.toPlainString();
  }

  /** A number cell (Long or Double) as text. */
  public static String number(Object n) {
    return n instanceof Long l ? Long.toString(l) : number(((Number) n).doubleValue());
  }

  /**
   * A map in a defined order: as it is, except the kinds known to have none (HashMap, Map.of),
   * which are sorted by key so that no output depends on hashing. Extensions keep the order of
   * the file that way.
   */
  public static Map<?, ?> ordered(Map<?, ?> m) {
    boolean unordered = (m instanceof HashMap && !(m instanceof LinkedHashMap))
        || m instanceof Hashtable || m instanceof ConcurrentHashMap
        || m.getClass().getName().startsWith("java.util.ImmutableCollections");
    if (!unordered) {
      return m;
    }
    Map<String, Object> sorted = new TreeMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      sorted.put(String.valueOf(e.getKey()), e.getValue());
    }
    return sorted;
  }

  /**
   * A JSON-like value as one line of text, for the About sheet: lists joined with {@code ", "},
   * numbers as {@link #number(Object)}, null stays null.
   */
  public static String plainText(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Double d) {
      return Double.isFinite(d) ? number(d.doubleValue()) : null;
    }
    if (v instanceof List<?> list) {
      return list.stream().map(Cells::plainText).map(String::valueOf)
          .collect(Collectors.joining(", "));
    }
    return String.valueOf(v);
  }
}
