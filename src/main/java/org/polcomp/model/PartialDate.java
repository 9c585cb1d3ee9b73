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
  private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

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

  /** Parses one of the three forms; empty for anything else, including impossible dates. */
  public static Optional<PartialDate> parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      int y = Integer.parseInt(m.group(1));
      int mo = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
      int d = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
      return Optional.of(new PartialDate(y, mo, d));
    } catch (IllegalArgumentException | DateTimeException e) {
      return Optional.empty();
    }
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
