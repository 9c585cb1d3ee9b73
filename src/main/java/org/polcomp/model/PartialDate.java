package org.polcomp.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date written as {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}. It keeps its precision, so
 * that a start means the first day of its period and an end the last ({@code 2018-10} ends on
 * 2018-10-31), and it prints as it was written.
 */
public record PartialDate(int year, int month, int day) implements Comparable<PartialDate> {
  /** The three forms, for the hint on a rejected text; {@link #parse} reads them by position. */
  static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
  /** Day first, as many countries write it: 15-01-2018, 15.01.2018, 15/1/2018. */
  private static final Pattern DAY_FIRST =
      Pattern.compile("(\\d{1,2})[-./](\\d{1,2})[-./](\\d{4})");
  /** A month and year written the other way round: 01-2018, 1/2018. */
  private static final Pattern MONTH_FIRST = Pattern.compile("(\\d{1,2})[-./](\\d{4})");

  /** The earliest year of a date (FORMAT.md): no integration measure is older. */
  public static final int MIN_YEAR = 1800;
  /** The latest year of a date: none is planned further ahead, and a typo would stretch timelines. */
  public static final int MAX_YEAR = 2200;

  /** Month and day are 0 when the date has no such part. */
  public PartialDate {
    if (year < 1 || year > 9999) {
      throw new IllegalArgumentException("year out of range: " + year);
    }
    if (month == 0 && day != 0) {
      throw new IllegalArgumentException("a day needs a month");
    }
    if (month != 0) {
      YearMonth ym = YearMonth.of(year, month); // throws for month 13
      if (day != 0 && (day < 1 || day > ym.lengthOfMonth())) {
        throw new IllegalArgumentException("no day " + day + " in " + ym);
      }
    }
  }

  /**
   * Parses one of the three forms; empty for anything else, including impossible dates ({@code
   * 2016-00}, {@code 2016-11-00}, {@code 2019-02-30}) and years outside {@link #MIN_YEAR}..{@link
   * #MAX_YEAR}. {@link #hint} says what is wrong with such a text.
   */
  public static Optional<PartialDate> parse(String text) {
    // Read by position, not by a pattern: every start and end of every measure comes here, and a
    // matcher per date was a tenth of binding a measure. The forms have fixed lengths.
    int n = text.length();
    if (n != 4 && n != 7 && n != 10) {
      return Optional.empty();
    }
    int y = digits(text, 0, 4);
    // A written month or day of 00 is not "no month": it is no date at all.
    int mo = n == 4 ? 0 : text.charAt(4) == '-' ? digits(text, 5, 2) : -1;
    int d = n < 10 ? 0 : text.charAt(7) == '-' ? digits(text, 8, 2) : -1;
    if (y < MIN_YEAR || y > MAX_YEAR || mo < 0 || n >= 7 && mo == 0 || d < 0
        || n == 10 && d == 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(new PartialDate(y, mo, d));
    } catch (IllegalArgumentException | DateTimeException e) {
      return Optional.empty();
    }
  }

  // The number the count ASCII digits from start make, or -1 when one is not a digit.
  private static int digits(String text, int start, int count) {
    int v = 0;
    for (int i = start; i < start + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /**
   * What to write instead of a text that {@link #parse} rejects: the usual fix for the mistake it
   * shows (a month 00, a day past the month's end, a year out of range, day-first order), else the
   * three forms.
   */
  public static String hint(String text) {
    String t = text.strip();
    Matcher m = FORM.matcher(t);
    if (m.matches()) {
      int y = Integer.parseInt(m.group(1));
      if (y < MIN_YEAR || y > MAX_YEAR) {
        return "a year runs from " + MIN_YEAR + " to " + MAX_YEAR + "; check for a typo in "
            + m.group(1);
      }
      if (m.group(2) != null) {
        int mo = Integer.parseInt(m.group(2));
        if (mo == 0 || mo > 12) {
          return "a month runs from 01 to 12; for the whole year write " + m.group(1);
        }
        if (m.group(3) != null) {
          YearMonth ym = YearMonth.of(y, mo);
          String whole = m.group(1) + "-" + m.group(2);
          return "there is no day " + m.group(3) + " in " + whole + " (it has days 01 to "
              + ym.lengthOfMonth() + "); for the whole month write " + whole;
        }
      }
    }
    Matcher dayFirst = DAY_FIRST.matcher(t);
    if (dayFirst.matches()) {
      Optional<PartialDate> d = parse(dayFirst.group(3) + "-" + two(dayFirst.group(2)) + "-"
          + two(dayFirst.group(1)));
      if (d.isPresent()) {
        return "write the year first: " + d.get();
      }
    }
    Matcher monthFirst = MONTH_FIRST.matcher(t);
    if (monthFirst.matches()) {
      Optional<PartialDate> d = parse(monthFirst.group(2) + "-" + two(monthFirst.group(1)));
      if (d.isPresent()) {
        return "write the year first: " + d.get();
      }
    }
    return "write YYYY, YYYY-MM or YYYY-MM-DD, a real calendar date (e.g. 2016-11 or 2016-11-01)";
  }

  private static String two(String digits) {
    return digits.length() == 1 ? "0" + digits : digits;
  }

  /** The first day this date covers (a start). */
  public LocalDate first() {
    return LocalDate.of(year, month == 0 ? 1 : month, day == 0 ? 1 : day);
  }

  /** The last day this date covers (an end). */
  public LocalDate last() {
    if (month == 0) {
      return LocalDate.of(year, 12, 31);
    }
    YearMonth ym = YearMonth.of(year, month);
    return day == 0 ? ym.atEndOfMonth() : ym.atDay(day);
  }

  @Override
  public int compareTo(PartialDate o) {
    return first().compareTo(o.first());
  }

  /** The date as written: {@code 2016}, {@code 2016-11} or {@code 2016-11-01}. */
  @Override
  public String toString() {
    // by hand, not String.format: every measure row of a large comparison prints two dates
    StringBuilder sb = new StringBuilder(10);
    pad(sb, year, 4);
    if (month != 0) {
      pad(sb.append('-'), month, 2);
    }
    if (day != 0) {
      pad(sb.append('-'), day, 2);
    }
    return sb.toString();
  }

  // as %0<width>d: zeros in front up to the width, a minus sign first
  private static void pad(StringBuilder sb, int value, int width) {
    String digits = Integer.toString(Math.abs(value));
    if (value < 0) {
      sb.append('-');
      width--;
    }
    for (int i = digits.length(); i < width; i++) {
      sb.append('0');
    }
    sb.append(digits);
  }
}
