package org.polcomp.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.polcomp.model.Lineage;
import org.polcomp.model.LineageEntry;

/**
 * The built-in lineage table: made by {@link LineageTable} from its inputs, and right about the
 * municipalities of the default dataset (the facts of the project's SOURCES.md).
 */
class LineageTableTest {
  // Read per test, not in a field: the test that writes the resource must run without one.
  private static Lineage table() {
    return new LineageLoader(Limits.DEFAULT).builtIn();
  }

  /**
   * The resource is what the generator makes. Run with {@code -Dpolcomp.lineage.write=true} to
   * write it instead, after changing an input (src/test/lineage/README.md).
   */
  @Test
  void resourceIsMadeFromTabel33AndTheChanges() throws IOException {
    String made = LineageTable.generate();
    if (Boolean.getBoolean("polcomp.lineage.write")) {
      Files.writeString(LineageTable.RESOURCE, made, StandardCharsets.UTF_8);
    }
    assertEquals(made, Files.readString(LineageTable.RESOURCE, StandardCharsets.UTF_8));
  }

  /** The sixteen municipalities of Van Breugel (2020), as SOURCES.md lists them. */
  private static final Map<String, String> SIXTEEN = Map.ofEntries(
      Map.entry("GM0363", "Amsterdam"), Map.entry("GM0599", "Rotterdam"),
      Map.entry("GM0518", "'s-Gravenhage"), Map.entry("GM0344", "Utrecht"),
      Map.entry("GM0772", "Eindhoven"), Map.entry("GM0855", "Tilburg"),
      Map.entry("GM0014", "Groningen"), Map.entry("GM0150", "Deventer"),
      Map.entry("GM1883", "Sittard-Geleen"), Map.entry("GM0794", "Helmond"),
      Map.entry("GM0603", "Rijswijk"), Map.entry("GM0988", "Weert"),
      Map.entry("GM0321", "Houten"), Map.entry("GM0613", "Albrandswaard"),
      Map.entry("GM0610", "Sliedrecht"), Map.entry("GM1684", "Cuijk"));

  @Test
  void rowsOfTheDefaultDatasetMatchSources() {
    LocalDate studyStart = LocalDate.of(2015, 1, 1);
    for (Map.Entry<String, String> m : SIXTEEN.entrySet()) {
      LineageEntry e = table().entry(m.getKey()).orElseThrow(() -> new AssertionError(m.getKey()));
      assertEquals(m.getValue(), e.name(), m.getKey());
      assertTrue(e.validOn(studyStart), m.getKey() + " valid in 2015");
      if (!m.getKey().equals("GM1684")) {
        assertNull(e.validTo(), m.getKey() + " still in use");
        assertNull(e.successor(), m.getKey());
      }
    }
    // Cuijk (GM1684, to 2021-12-31) and Land van Cuijk (GM1982, from 2022-01-01).
    assertEquals(row("GM1684", "Cuijk", "1994-01-01", "2021-12-31", "GM1982"), row("GM1684"));
    assertEquals(row("GM1982", "Land van Cuijk", "2022-01-01", null, null), row("GM1982"));
    // Haren (GM0017) and Ten Boer (GM0009) into Groningen (GM0014), 2019-01-01.
    assertEquals(row("GM0017", "Haren", null, "2018-12-31", "GM0014"), row("GM0017"));
    assertEquals(row("GM0009", "Ten Boer", null, "2018-12-31", "GM0014"), row("GM0009"));
    assertEquals(row("GM0014", "Groningen", null, null, null), row("GM0014"));
  }

  @Test
  void theOtherChangesOfSourcesAreInTheTable() {
    for (String code : List.of("GM0756", "GM0786", "GM0815", "GM1702")) {
      LineageEntry e = table().entry(code).orElseThrow();
      assertEquals(LocalDate.of(2021, 12, 31), e.validTo(), code);
      assertEquals("GM1982", e.successor(), code);
    }
    assertEquals(row("GM0457", "Weesp", null, "2022-03-23", "GM0363"), row("GM0457"));
    // Haaren was split over four municipalities: it ended without a single successor.
    assertEquals(row("GM0788", "Haaren", null, "2020-12-31", null), row("GM0788"));
  }

  @Test
  void mergersAreFollowedOnTheirDay() {
    Lineage table = table();
    assertEquals("GM1684", table.countedAs("GM1684", LocalDate.of(2021, 12, 31)));
    assertEquals("GM1982", table.countedAs("GM1684", LocalDate.of(2022, 1, 1)));
    assertEquals("GM0017", table.countedAs("GM0017", LocalDate.of(2018, 12, 31)));
    assertEquals("GM0014", table.countedAs("GM0017", LocalDate.of(2019, 1, 1)));
    // Adorp joined Winsum in 1990, and Winsum Het Hogeland in 2019.
    assertEquals("GM0053", table.countedAs("GM0001", LocalDate.of(2000, 1, 1)));
    assertEquals("GM1966", table.countedAs("GM0001", LocalDate.of(2019, 1, 1)));
  }

  /** SOURCES.md: "The Netherlands had 355 municipalities in 2019 and 2020". */
  @Test
  void theTableCountsTheMunicipalitiesOf2019And2020() {
    for (LocalDate d : List.of(LocalDate.of(2019, 1, 1), LocalDate.of(2020, 12, 31))) {
      long valid = table().entries().stream().filter(e -> e.validOn(d)).count();
      assertEquals(355, valid, d.toString());
    }
  }

  /** A row of changes.csv for a code of Tabel 33 keeps that code's name and first day. */
  @Test
  void changesKeepTheNameAndStartOfTabel33() throws IOException {
    Map<String, LineageEntry> rvig;
    try (Reader in = Files.newBufferedReader(LineageTable.TABEL_33, StandardCharsets.UTF_8)) {
      rvig = LineageTable.tabel33(in).stream()
          .collect(Collectors.toMap(LineageEntry::code, Function.identity()));
    }
    List<LineageEntry> changes;
    try (Reader in = Files.newBufferedReader(LineageTable.CHANGES, StandardCharsets.UTF_8)) {
      changes = LineageLoader.readTable(in);
    }
    int overlapping = 0;
    for (LineageEntry c : changes) {
      LineageEntry r = rvig.get(c.code());
      if (r != null) {
        overlapping++;
        assertEquals(r.name(), c.name(), c.code());
        assertEquals(r.validFrom(), c.validFrom(), c.code());
        assertTrue(c.source().startsWith(LineageTable.RVIG + "; "), c.code());
      } else {
        assertTrue(c.source().startsWith("https://"), c.code());
      }
    }
    assertEquals(changes.size() - 1, overlapping, "only Land van Cuijk is new");
  }

  @Test
  void registersThatAreNoMunicipalityAreLeftOut() throws IOException {
    try (Reader in = Files.newBufferedReader(LineageTable.TABEL_33, StandardCharsets.UTF_8)) {
      List<LineageEntry> rvig = LineageTable.tabel33(in);
      assertTrue(rvig.stream().noneMatch(e -> e.code().equals("GM1999")));
      assertTrue(rvig.stream().allMatch(e -> e.code().matches("GM\\d{4}")));
    }
    assertTrue(table().entry("GM0000").isEmpty());
    assertTrue(table().entry("GM0998").isEmpty());
  }

  private String row(String code) {
    LineageEntry e = table().entry(code).orElseThrow();
    return row(e.code(), e.name(), str(e.validFrom()), str(e.validTo()), e.successor());
  }

  private static String row(String code, String name, String from, String to, String successor) {
    return code + "|" + name + "|" + from + "|" + to + "|" + successor;
  }

  private static String str(LocalDate d) {
    return d == null ? null : d.toString();
  }
}
