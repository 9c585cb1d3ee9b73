package org.polcomp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RowSpoolTest {
  private static List<Object> row(Object... cells) {
    return Arrays.asList(cells);
  }

  private static List<List<Object>> read(Iterable<List<Object>> rows) {
    List<List<Object>> out = new ArrayList<>();
    rows.forEach(out::add);
    return out;
  }

  @Test
  void everyCellTypeComesBackAsTheSameTypeAndValue() throws IOException {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("z", 1L);
    nested.put("a", Arrays.asList("x", null, true, 2.5));
    nested.put("big", new BigInteger("123456789012345678901234567890"));
    List<Object> row = row(null, "", "Taalcafé ✓ 𝄞", true, false, -7L, 42, -0.0, 1e-300,
        Double.NaN, new BigDecimal("1.50"), nested, List.of());
    Object key = new Object();
    try (RowSpool spool = RowSpool.open()) {
      spool.put(key, List.of(row));
      List<List<Object>> back = read(spool.rows(List.of(key)));
      assertEquals(List.of(row), back);
      for (int i = 0; i < 11; i++) { // the scalars: same class, not just an equal value
        if (row.get(i) != null) {
          assertEquals(row.get(i).getClass(), back.get(0).get(i).getClass(), "cell " + i);
        }
      }
      // map order is kept
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) back.get(0).get(11);
      assertEquals(List.of("z", "a", "big"), new ArrayList<>(map.keySet()));
    }
  }

  @Test
  void rowsComeBackInTheOrderAskedNotTheOrderPut() throws IOException {
    Object a = new Object();
    Object b = new Object();
    Object c = new Object();
    Object never = new Object();
    try (RowSpool spool = RowSpool.open()) {
      spool.put(c, List.of(row("c1"), row("c2")));
      spool.put(a, List.of(row("a1")));
      spool.put(b, List.of());
      assertEquals(3L, spool.size());
      Iterable<List<Object>> rows = spool.rows(List.of(a, never, b, c));
      List<List<Object>> expected = List.of(row("a1"), row("c1"), row("c2"));
      assertEquals(expected, read(rows));
      assertEquals(expected, read(rows), "an iterable that reads again");
      assertThrows(IllegalArgumentException.class, () -> spool.put(a, List.of(row("again"))));
    }
  }

  @Test
  void keysCompareByValueNotByIdentity() throws IOException {
    record Place(int file, int document) {}
    try (RowSpool spool = RowSpool.open()) {
      spool.put(new Place(0, 1), List.of(row(1L)));
      spool.put(new Place(0, 2), List.of(row(2L)));
      assertEquals(List.of(row(2L), row(1L)),
          read(spool.rows(List.of(new Place(0, 2), new Place(0, 1)))));
      assertThrows(IllegalArgumentException.class,
          () -> spool.put(new Place(0, 1), List.of(row(3L))));
    }
  }

  /**
   * Parts are gathered in memory before they reach the file: one read back before the buffer is
   * full, one larger than the buffer, and one put after a read all come back whole.
   */
  @Test
  void partsComeBackWhetherGatheredWrittenOrLargerThanTheBuffer() throws IOException {
    String big = "b".repeat(RowSpool.WRITE_BUFFER + 100);
    try (RowSpool spool = RowSpool.open()) {
      spool.put("small", List.of(row("s", 1L)));
      assertEquals(List.of(row("s", 1L)), read(spool.rows(List.of("small"))), "still gathered");
      assertFalse(spool.onDisk(), "rows that fit the buffer need no file");
      spool.put("after", List.of(row("a")));
      spool.put("big", List.of(row(big), row("tail")));
      assertTrue(spool.onDisk(), "a part larger than the buffer goes to the file");
      spool.put("last", List.of(row("l")));
      List<List<Object>> expected =
          List.of(row("l"), row(big), row("tail"), row("a"), row("s", 1L));
      assertEquals(expected, read(spool.rows(List.of("last", "big", "after", "small"))));
      // enough small parts to fill the buffer several times, read back in reverse
      List<Object> keys = new ArrayList<>();
      for (int i = 0; i < 3 * RowSpool.WRITE_BUFFER / 1000; i++) {
        keys.add(i);
        spool.put(i, List.of(row(i + ":" + "x".repeat(990))));
      }
      List<Object> reversed = new ArrayList<>(keys);
      java.util.Collections.reverse(reversed);
      List<List<Object>> back = read(spool.rows(reversed));
      assertEquals(keys.size(), back.size());
      for (int i = 0; i < back.size(); i++) {
        int k = (Integer) reversed.get(i);
        assertEquals(row(k + ":" + "x".repeat(990)), back.get(i), "part " + k);
      }
    }
  }

  @Test
  void manyThreadsPutAtOnceAndNothingIsLostOrMixed() throws IOException {
    int parts = 2000;
    List<Object> keys = IntStream.range(0, parts).mapToObj(i -> new Object()).toList();
    try (RowSpool spool = RowSpool.open()) {
      IntStream.range(0, parts).parallel().forEach(i -> {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < i % 7; r++) {
          rows.add(row("part " + i, (long) r, "x".repeat(i % 50)));
        }
        spool.put(keys.get(i), rows);
      });
      List<List<Object>> expected = new ArrayList<>();
      for (int i = 0; i < parts; i++) {
        for (int r = 0; r < i % 7; r++) {
          expected.add(row("part " + i, (long) r, "x".repeat(i % 50)));
        }
      }
      assertEquals(expected.size(), spool.size());
      assertEquals(expected, read(spool.rows(keys)));
    }
  }

  /**
   * Threads that fill the write buffer many times over, now and then with a part larger than a
   * buffer, while full buffers are written outside the lock: every part comes back whole.
   */
  @Test
  void threadsThatFillTheBufferManyTimesLoseNothing() throws IOException {
    int parts = 1200;
    String large = "L".repeat(RowSpool.WRITE_BUFFER + 7);
    List<Object> keys = IntStream.range(0, parts).boxed().map(i -> (Object) ("p" + i)).toList();
    java.util.function.IntFunction<List<List<Object>>> rowsOf = i -> i % 97 == 5
        ? List.of(row(i + large), row((long) i))
        : List.of(row(i + ":" + "x".repeat(2000 + i % 3000)), row((long) i, (double) i));
    try (RowSpool spool = RowSpool.open()) {
      IntStream.range(0, parts).parallel().forEach(i -> spool.put(keys.get(i), rowsOf.apply(i)));
      assertEquals(2L * parts, spool.size());
      List<Object> reversed = new ArrayList<>(keys);
      java.util.Collections.reverse(reversed);
      List<List<Object>> expected = new ArrayList<>();
      for (int i = parts - 1; i >= 0; i--) {
        expected.addAll(rowsOf.apply(i));
      }
      assertEquals(expected, read(spool.rows(reversed)));
    }
  }

  @Test
  void leavesNoFileInTheTemporaryFolder() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (RowSpool spool = RowSpool.open()) {
      spool.put(this, List.of(row("kept on disk")));
      try (Stream<Path> files = Files.list(tmp)) {
        // unlinked while open: a run that is killed leaves nothing behind
        assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith("polcomp-rows")),
            "the spool file is unlinked once open");
      }
      assertEquals(List.of(row("kept on disk")), read(spool.rows(List.of(this))));
    }
  }

  @Test
  void aCellOfAnUnknownTypeIsABug() throws IOException {
    try (RowSpool spool = RowSpool.open()) {
      assertThrows(IllegalArgumentException.class,
          () -> spool.put(this, List.of(row(new StringBuilder("no")))));
    }
  }
}
