package org.polcomp.aggregate;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calendar years of the panel table ({@code compare --years FROM..TO}), both included.
 *
 * @param from the first year
 * @param to the last year, not before {@code from}
 */
public record YearRange(int from, int to) {
  /** The earliest year a range may name. */
  public static final int MIN_YEAR = 1800;
  /** The latest year a range may name. */
  public static final int MAX_YEAR = 2200;
  /** The most years of a range: the panel has one row per municipality and year. */
  public static final int MAX_YEARS = 200;

  private static final Pattern SYNTAX = Pattern.compile("(\\d{1,6})\\.\\.(\\d{1,6})");

  public YearRange {
    if (from < MIN_YEAR || from > MAX_YEAR || to < MIN_YEAR || to > MAX_YEAR) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "years must lie from %d to %d: %d..%d", MIN_YEAR, MAX_YEAR, from, to));
    }
    if (to < from) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "the range %d..%d ends before it starts", from, to));
    }
    if (to - from + 1 > MAX_YEARS) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "the range %d..%d has %d years, more than %d", from, to, to - from + 1, MAX_YEARS));
    }
  }

  /**
   * The range written {@code FROM..TO} (one year is {@code 2018..2018}).
   *
   * @throws IllegalArgumentException with a message for the user when the text is not a range
   *     or the range is out of bounds
   */
  public static YearRange parse(String text) {
    Matcher m = SYNTAX.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a range of years FROM..TO: '" + text + "'");
    }
    return new YearRange(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** The number of years. */
  public int span() {
    return to - from + 1;
  }

  @Override
  public String toString() {
    return from + ".." + to;
  }
}
