package org.polcomp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CellsTest {
  @Test
  void numbersAreShortPlainAndExact() {
    assertEquals("0", Cells.number(0.0));
    assertEquals("0", Cells.number(-0.0));
    assertEquals("-2", Cells.number(-2.0));
    assertEquals("100", Cells.number(100.0));
    assertEquals("0.1", Cells.number(0.1));
    assertEquals("2.5", Cells.number(2.5));
    assertEquals("-7.875", Cells.number(-7.875));
    assertEquals("0.3333333333333333", Cells.number(1.0 / 3));
    assertEquals("0.30000000000000004", Cells.number(0.1 + 0.2));
    assertEquals("1234567.5", Cells.number(1234567.5));
    assertEquals("1000000000000000", Cells.number(1e15));
    assertEquals("0.0000001", Cells.number(1e-7));
    assertEquals("1E-8", Cells.number(1e-8));
    assertEquals("1E+21", Cells.number(1e21));
    assertEquals("2", Cells.number((Object) 2L));
    assertThrows(IllegalArgumentException.class, () -> Cells.number(Double.NaN));
  }

  @Test
  void numbersReadBackAsTheSameDouble() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 3_000; i++) {
      double d = i % 2 == 0
          ? Double.longBitsToDouble(random.nextLong()) : random.nextDouble() * 1e6;
      if (!Double.isFinite(d)) {
        continue;
      }
      String s = Cells.number(d);
      assertEquals(d == 0 ? 0.0 : d, Double.parseDouble(s), s);
      // never longer than Java's own shortest-ish form, in significant digits
      assertTrue(digits(s) <= digits(Double.toString(d)), s + " vs " + d);
    }
  }

  @Test
  void theFewestDigitsAreThoseOfABisectionOfOneToSeventeen() {
    // values whose JDK 17 text is longer than it need be (JDK-4511638), then random ones
    List<Double> values = new java.util.ArrayList<>(List.of(2.82879384806159E17,
        1.18575755E-316, 2.0E-3, 1.0E23, 9.007199254740993E15, 1.0 / 3, 2.0 / 3, 0.1 + 0.2));
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      double d = i % 3 == 0 ? Double.longBitsToDouble(random.nextLong())
          : random.nextInt(1, 1000) / (double) random.nextInt(1, 1000);
      if (Double.isFinite(d) && d != 0) {
        values.add(d);
      }
    }
    for (double d : values) {
      java.math.BigDecimal exact = new java.math.BigDecimal(d);
      int lo = 1;
      int hi = 17;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (exact.round(new java.math.MathContext(mid, java.math.RoundingMode.HALF_EVEN))
            .doubleValue() == d) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      java.math.BigDecimal fewest = exact.round(
          new java.math.MathContext(lo, java.math.RoundingMode.HALF_EVEN)).stripTrailingZeros();
      int exponent = fewest.precision() - fewest.scale() - 1;
      String expected = exponent < -7 || exponent >= 21 ? fewest.toString()
          : fewest.toPlainString();
      assertEquals(expected, Cells.number(d), "for " + d);
    }
  }

  private static int digits(String s) {
    String mantissa = s.replaceAll("[eE].*", "").replace("-", "").replace(".", "")
        .replaceAll("^0+", "").replaceAll("0+$", "");
    return Math.max(1, mantissa.length());
  }

  @Test
  void valuesAreCheckedAgainstTheColumnType() {
    Table t = new TableSchema("t", "T", List.of(
        new Column("n", ColumnType.INTEGER), new Column("x", ColumnType.NUMBER),
        new Column("s", ColumnType.SHARE), new Column("b", ColumnType.BOOLEAN),
        new Column("u", ColumnType.URL), new Column("e", ColumnType.EXTENSIONS)))
        .with(List.of());
    List<Object> row = Arrays.asList(3, 2L, Double.NaN, true, "http://x", Map.of());
    assertEquals(3L, Cells.value(t, 0, row, 0));
    assertEquals(2.0, Cells.value(t, 0, row, 1));
    assertNull(Cells.value(t, 0, row, 2));
    assertEquals(true, Cells.value(t, 0, row, 3));
    assertEquals(Map.of(), Cells.value(t, 0, row, 5));
    List<Object> wrong = Arrays.asList("3", 2.5, "0.5", "yes", 1L, "x");
    for (int i = 0; i < wrong.size(); i++) {
      if (i == 1) {
        continue; // a double in a NUMBER column is right
      }
      int col = i;
      assertThrows(IllegalArgumentException.class, () -> Cells.value(t, 0, wrong, col), "" + i);
    }
    assertThrows(IllegalArgumentException.class, () -> Cells.value(t, 0, List.of(1L), 0));
  }

  @Test
  void theShortcutForPlainNumbersPrintsWhatTheDecimalWould() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(11);
    for (int i = 0; i < 200_000; i++) {
      double scale = Math.pow(10, r.nextInt(-5, 9));
      double d = (r.nextBoolean() ? 1 : -1) * r.nextDouble() * scale;
      if (i % 2 == 0) {
        d = Math.round(d * 1000) / 1000.0; // the 3-decimal values of reports
      }
      if (d == 0 || d == Math.rint(d)) {
        continue;
      }
      String expected;
      java.math.BigDecimal b = new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros();
      if (b.precision() > 15) {
        continue; // the bisection path, tested above
      }
      int exponent = b.precision() - b.scale() - 1;
      expected = exponent < -7 || exponent >= 21 ? b.toString() : b.toPlainString();
      assertEquals(expected, Cells.number(d), "for " + d);
      assertEquals(d, Double.parseDouble(Cells.number(d)));
    }
  }
}
