package org.polcomp.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineageTest {
  private static final LocalDate D2018 = LocalDate.of(2018, 12, 31);
  private static final LocalDate D2019 = LocalDate.of(2019, 1, 1);

  private static LineageEntry e(String code, String from, String to, String successor) {
    return new LineageEntry(code, "name of " + code, from == null ? null : LocalDate.parse(from),
        to == null ? null : LocalDate.parse(to), successor, "test");
  }

  // A into B on 2019-01-01, B into C on 2022-01-01; C in use; D ended with no successor.
  private final Lineage chain = Lineage.of(List.of(
      e("A", null, "2018-12-31", "B"), e("B", "1990-01-01", "2021-12-31", "C"),
      e("C", "2022-01-01", null, null), e("D", null, "2020-12-31", null)));

  @Test
  void anEntryIsValidFromItsFirstToItsLastDayIncluded() {
    LineageEntry b = chain.entry("B").orElseThrow();
    assertFalse(b.validOn(LocalDate.of(1989, 12, 31)));
    assertTrue(b.validOn(LocalDate.of(1990, 1, 1)));
    assertTrue(b.validOn(LocalDate.of(2021, 12, 31)));
    assertFalse(b.validOn(LocalDate.of(2022, 1, 1)));
    assertTrue(b.retiredOn(LocalDate.of(2022, 1, 1)));
    assertFalse(b.retiredOn(LocalDate.of(1980, 1, 1)), "not yet valid is not retired");
    assertEquals(LocalDate.of(2022, 1, 1), b.endedOn().orElseThrow());
    assertTrue(chain.entry("C").orElseThrow().endedOn().isEmpty());
  }

  @Test
  void countedAsFollowsSuccessorsUpToTheDate() {
    assertEquals("A", chain.countedAs("A", D2018));
    assertEquals("B", chain.countedAs("A", D2019));
    assertEquals("C", chain.countedAs("A", LocalDate.of(2022, 1, 1)));
    assertEquals("C", chain.countedAs("C", LocalDate.of(2030, 1, 1)));
    assertEquals("D", chain.countedAs("D", LocalDate.of(2030, 1, 1)), "no successor: itself");
    assertEquals("ZZ", chain.countedAs("ZZ", D2019), "unknown: itself");
    assertEquals(List.of("A", "B"),
        chain.path("A", LocalDate.of(2023, 1, 1)).stream().map(LineageEntry::code).toList());
    assertTrue(chain.path("C", D2019).isEmpty());
  }

  @Test
  void retiredOnNamesTheEntryOnlyAfterItsLastDay() {
    assertTrue(chain.retiredOn("A", D2018).isEmpty());
    assertEquals("A", chain.retiredOn("A", D2019).orElseThrow().code());
    assertTrue(chain.retiredOn("ZZ", D2019).isEmpty());
  }

  @Test
  void entriesAreSortedByCodeAndALaterEntryReplacesAnEarlier() {
    Lineage l = Lineage.of(List.of(e("B", null, null, null), e("A", null, null, null),
        new LineageEntry("B", "new B", null, null, null, "user")));
    assertEquals(List.of("A", "B"), l.entries().stream().map(LineageEntry::code).toList());
    assertEquals("new B", l.entry("B").orElseThrow().name());
    assertEquals(2, l.size());
  }

  @Test
  void anInconsistentTableCannotBeBuilt() {
    assertThrows(IllegalArgumentException.class,
        () -> Lineage.of(List.of(e("A", null, "2018-12-31", "X"))), "unknown successor");
    assertThrows(IllegalArgumentException.class, () -> Lineage.of(List.of(
        e("A", null, "2018-12-31", "B"), e("B", null, "2018-12-31", "A"))), "cycle");
    assertThrows(IllegalArgumentException.class, () -> e("A", "2019-01-01", "2018-12-31", null));
    assertThrows(IllegalArgumentException.class, () -> e("A", null, null, "B"),
        "a successor needs an end");
    assertThrows(IllegalArgumentException.class, () -> e("A", null, "2018-12-31", "A"));
  }
}
