package org.polcomp.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

class PartialDateTest {
  /** The parse by pattern that {@link PartialDate#parse} replaced, kept here as the reference. */
  private static Optional<PartialDate> byPattern(String text) {
    Matcher m = PartialDate.FORM.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    int y = Integer.parseInt(m.group(1));
    int mo = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    int d = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    if (y < PartialDate.MIN_YEAR || y > PartialDate.MAX_YEAR || m.group(2) != null && mo == 0
        || m.group(3) != null && d == 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(new PartialDate(y, mo, d));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  @Test
  void theFormsAndTheirNearMisses() {
    assertEquals(Optional.of(new PartialDate(2016, 0, 0)), PartialDate.parse("2016"));
    assertEquals(Optional.of(new PartialDate(2016, 11, 0)), PartialDate.parse("2016-11"));
    assertEquals(Optional.of(new PartialDate(2016, 2, 29)), PartialDate.parse("2016-02-29"));
    for (String bad : new String[] {"", "201", "20166", "2016-1", "2016-00", "2016-13",
        "2016-11-00", "2019-02-29", "2016-11-31", "1799", "2201", "2016/11", "2016-11-1",
        "2016-11-011", " 2016", "2016 ", "+016", "-016", "2016--1", "２０１６", "2016-1a"}) {
      assertEquals(Optional.empty(), PartialDate.parse(bad), bad);
    }
  }

  @Test
  void readsEveryTextAsThePatternDid() {
    Random random = new Random(20161101);
    String alphabet = "0123456789012345678901-0-1-2-/. a+\u0660\uFF10";
    for (int i = 0; i < 300_000; i++) {
      StringBuilder b = new StringBuilder();
      int length = random.nextInt(12);
      for (int k = 0; k < length; k++) {
        // mostly the shapes of dates, with a wrong character now and then
        if (length >= 4 && (k == 4 || k == 7) && random.nextInt(8) != 0) {
          b.append('-');
        } else if (k == 0 && random.nextBoolean()) {
          b.append(random.nextBoolean() ? '1' : '2');
        } else if (random.nextInt(10) != 0) {
          b.append((char) ('0' + random.nextInt(10)));
        } else {
          b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      String text = b.toString();
      assertEquals(byPattern(text), PartialDate.parse(text), text);
    }
  }
}
