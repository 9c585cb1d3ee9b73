package org.polcomp.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polcomp.model.Lineage;
import org.polcomp.model.LineageEntry;

/** User lineage files: rows added and replaced, and every inconsistency located (E030). */
class LineageLoaderTest {
  private final LineageLoader loader = new LineageLoader(Limits.DEFAULT);
  private final Lineage builtIn = loader.builtIn();

  private LineageLoader.Result parse(String yaml) {
    return loader.parse("lin.yaml", yaml.getBytes(StandardCharsets.UTF_8), builtIn);
  }

  /** {@code line:code} of each diagnostic, in report order. */
  private static List<String> codes(LineageLoader.Result r) {
    return r.diagnostics().stream().map(d -> d.line() + ":" + d.code().id()).toList();
  }

  private List<String> errors(String yaml) {
    LineageLoader.Result r = parse(yaml);
    assertNull(r.lineage(), "a file with errors gives no table");
    return codes(r);
  }

  @Test
  void theExampleOfTheFormatReads() {
    LineageLoader.Result r = parse("""
        format: polcomp-lineage/1
        municipalities:
          - {code: GM1684, name: Cuijk, valid_to: 2021-12-31, successor: GM1982}
          - {code: GM1982, name: Land van Cuijk, valid_from: 2022-01-01}
        """);
    assertEquals(List.of(), r.diagnostics());
    Lineage l = r.lineage();
    assertEquals(builtIn.size(), l.size(), "both codes are built in: replaced, not added");
    LineageEntry cuijk = l.entry("GM1684").orElseThrow();
    assertNull(cuijk.validFrom(), "a replaced row is replaced as a whole");
    assertEquals("lin.yaml", cuijk.source(), "a row without a source names its file");
    assertEquals("GM1982", l.countedAs("GM1684", LocalDate.of(2022, 1, 1)));
  }

  @Test
  void rowsOfOtherCountriesAreAddedAndPartialDatesCoverTheirPeriod() {
    LineageLoader.Result r = parse("""
        municipalities:
          - code: BE-A
            name: Old town
            valid_from: 1977
            valid_to: 2018-12
            successor: BE-B
            source: Statbel, 2019
          - code: BE-B
            name: New town
            valid_from: 2019
        """);
    assertEquals(List.of(), r.diagnostics());
    Lineage l = r.lineage();
    assertEquals(builtIn.size() + 2, l.size());
    LineageEntry a = l.entry("BE-A").orElseThrow();
    assertEquals(LocalDate.of(1977, 1, 1), a.validFrom());
    assertEquals(LocalDate.of(2018, 12, 31), a.validTo());
    assertEquals("Statbel, 2019", a.source());
    assertEquals("BE-B", l.countedAs("BE-A", LocalDate.of(2019, 1, 1)));
    assertEquals("Groningen", l.entry("GM0014").orElseThrow().name(), "built-in rows stay");
  }

  @Test
  void aSuccessorThatNamesNoCode() {
    assertEquals(List.of("3:E030"), errors("""
        municipalities:
          - {code: XA, name: A, valid_to: 2020-12-31,
             successor: XB}
        """));
  }

  @Test
  void aSuccessorMayBeABuiltInCode() {
    assertNotNull(parse("""
        municipalities:
          - {code: XA, name: A, valid_to: 2020-12-31, successor: GM0363}
        """).lineage());
  }

  @Test
  void validToBeforeValidFrom() {
    assertEquals(List.of("5:E030"), errors("""
        municipalities:
          - code: XA
            name: A
            valid_from: 2020-06-01
            valid_to: 2020-05
        """));
  }

  @Test
  void aCycleIsReportedOnceAtTheFirstOfItsRows() {
    assertEquals(List.of("2:E030"), errors("""
        municipalities:
          - {code: XA, name: A, valid_to: 2020-12-31, successor: XB}
          - {code: XB, name: B, valid_to: 2020-12-31, successor: XC}
          - {code: XC, name: C, valid_to: 2020-12-31, successor: XA}
        """));
  }

  /** A long chain ends and a long ring is one cycle, reported once (each code is walked once). */
  @Test
  void aLongChainAndALongRing() {
    int n = 5_000;
    StringBuilder sb = new StringBuilder("municipalities:\n");
    for (int i = 0; i < n; i++) {
      sb.append("  - {code: C").append(i).append(", name: c, valid_to: 2000-01-01, successor: C")
          .append(i + 1).append("}\n");
      sb.append("  - {code: R").append(i).append(", name: r, valid_to: 2000-01-01, successor: R")
          .append((i + 1) % n).append("}\n");
    }
    sb.append("  - {code: C").append(n).append(", name: end}\n");
    LineageLoader.Result r = parse(sb.toString());
    assertEquals(List.of("3:E030"), codes(r), "the ring, once, at its first row");
  }

  @Test
  void aCycleThroughABuiltInRow() {
    // Haren (GM0017) is built in with Groningen (GM0014) as its successor.
    LineageLoader.Result r = parse("""
        municipalities:
          - {code: GM0014, name: Groningen, valid_to: 2030-12-31, successor: GM0017}
        """);
    assertEquals(List.of("2:E030"), codes(r));
    assertTrue(r.diagnostics().get(0).message().contains("GM0014 -> GM0017 -> GM0014"),
        r.diagnostics().get(0).message());
  }

  @Test
  void aCodeThatIsItsOwnSuccessorOrHasNoEnd() {
    assertEquals(List.of("2:E030", "3:E030"), errors("""
        municipalities:
          - {code: XA, name: A, valid_to: 2020-12-31, successor: XA}
          - {code: XB, name: B, successor: GM0363}
        """));
  }

  @Test
  void aCodeTwiceInTheFile() {
    assertEquals(List.of("3:E030"), errors("""
        municipalities:
          - {code: XA, name: A}
          - {code: XA, name: A again}
        """));
  }

  @Test
  void shapeErrorsAreThoseOfPolicyFiles() {
    assertEquals(List.of("1:E020", "3:E010", "4:E008", "5:E013", "6:E009", "7:E012"), errors("""
        format: polcomp/1
        municipalities:
          - {code: XA, name: A, valid_until: 2020}
          - {code: XB, name: B, valid_to: [2020]}
          - {code: XC, name: C, valid_from: 2020-13-01}
          - {name: no code}
          - {code: "not a code", name: D}
        """));
  }

  @Test
  void theFileMustHoldAListOfMunicipalities() {
    assertEquals(List.of("1:E009"), errors("format: polcomp-lineage/1\n"));
    assertEquals(List.of("1:E024"), errors("municipalities: []\n"));
    assertEquals(List.of("1:E008"), errors("municipalities: GM0363\n"));
    assertEquals(List.of("2:E008"), errors("municipalities:\n  - GM0363\n"));
    assertEquals(List.of("1:E008"), errors("- code: GM0363\n"));
    assertEquals(List.of("1:E008"), errors("a: 1\n---\nb: 2\n"));
    // An unclosed list is reported where it opened.
    assertEquals(List.of("1:E001"), errors("municipalities: [\n"));
  }

  @Test
  void theReaderLimitsApply() {
    LineageLoader tiny = new LineageLoader(new Limits(1 << 20, 3, 32_767, 50, 10_000));
    LineageLoader.Result r = tiny.parse("deep.yaml", """
        municipalities:
          - {code: XA, name: {a: {b: c}}}
        """.getBytes(StandardCharsets.UTF_8), builtIn);
    assertNull(r.lineage());
    assertEquals("E004", r.diagnostics().get(0).code().id());
  }

  @Test
  void filesThatCannotBeReadAreDiagnosedNotThrown(@TempDir Path dir) throws IOException {
    LineageLoader.Result missing = loader.load(dir.resolve("none.yaml"), builtIn);
    assertEquals(List.of("1:E023"), codes(missing));
    assertEquals(List.of("1:E023"), codes(loader.load(dir, builtIn)));
    Path big = Files.writeString(dir.resolve("big.yaml"), "municipalities: []\n# " + "x".repeat(64));
    LineageLoader small = new LineageLoader(new Limits(32, 64, 32_767, 50, 10_000));
    assertEquals(List.of("1:E003"), codes(small.load(big, builtIn)));
    Path ok = Files.writeString(dir.resolve("ok.yaml"), "municipalities:\n  - {code: XA, name: A}\n");
    LineageLoader.Result r = loader.load(ok, builtIn);
    assertEquals(List.of(), r.diagnostics());
    assertTrue(r.lineage().entry("XA").orElseThrow().source().endsWith("ok.yaml"));
  }

  @Test
  void theTablesDatesAreThoseLocalDateParseReads() throws IOException {
    // every date of the built-in table, read again by LocalDate.parse from the resource itself
    String csv;
    try (var in = LineageLoader.class.getResourceAsStream("lineage-nl.csv")) {
      csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> lines = csv.lines().skip(1).toList();
    List<LineageEntry> entries = LineageLoader.readTable(new java.io.StringReader(csv));
    assertEquals(lines.size(), entries.size());
    int from = LineageLoader.COLUMNS.indexOf("valid_from");
    int to = LineageLoader.COLUMNS.indexOf("valid_to");
    int checked = 0;
    for (int i = 0; i < lines.size(); i++) {
      // the dates come before any quoted name could hold a comma
      String[] cells = lines.get(i).split(",", -1);
      if (lines.get(i).contains("\"")) {
        continue;
      }
      LineageEntry e = entries.get(i);
      assertEquals(cells[from].isEmpty() ? null : LocalDate.parse(cells[from]), e.validFrom(),
          lines.get(i));
      assertEquals(cells[to].isEmpty() ? null : LocalDate.parse(cells[to]), e.validTo(),
          lines.get(i));
      checked++;
    }
    assertTrue(checked > lines.size() / 2, checked + " of " + lines.size());
    // an impossible or malformed date is still refused, with its line
    for (String bad : new String[] {"2019-02-29", "2019-13-01", "2019-1-01", "20190101"}) {
      String table = String.join(",", LineageLoader.COLUMNS) + "\n"
          + "GM0001,X," + bad + ",,,test\n";
      IllegalArgumentException thrown = org.junit.jupiter.api.Assertions.assertThrows(
          IllegalArgumentException.class,
          () -> LineageLoader.readTable(new java.io.StringReader(table)), bad);
      assertTrue(thrown.getMessage().startsWith("line "), thrown.getMessage());
    }
  }
}
