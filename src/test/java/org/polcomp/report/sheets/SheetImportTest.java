package org.polcomp.report.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polcomp.cli.CliRunner;

/** Reading data-entry workbooks: each problem at its cell, with a hint; hostile files too. */
class SheetImportTest {
  @TempDir Path dir;

  private String wb(Map<String, List<List<Object>>> sheets, String... merge) throws IOException {
    return slashes(Workbooks.write(dir.resolve("wb.xlsx"), sheets, merge));
  }

  private static String slashes(Path p) {
    return p.toString().replace('\\', '/');
  }

  private String out() {
    return slashes(dir.resolve("out"));
  }

  private String yaml(String name) throws IOException {
    return Files.readString(dir.resolve("out").resolve(name), StandardCharsets.UTF_8);
  }

  @Test
  void aValidWorkbookImportsToOneFilePerMunicipality() throws IOException {
    String p = wb(Workbooks.valid());
    CliRunner.Result r = CliRunner.run("import", p, "-o", out());
    assertEquals(0, r.exit(), r.err());
    assertEquals("""
        # yaml-language-server: $schema=../schema/polcomp-1.schema.json
        format: polcomp/1
        municipality:
          id: GM1
          name: Een
        policies:
          - id: m1
            title: T
            domain: housing
            target:
              groups: [refugees]
            declared_duration: structural
            sources:
              - title: S
        """, yaml("GM1-een.yaml"));
    CliRunner.Result v = CliRunner.run("validate", out());
    assertEquals(0, v.exit(), v.out());
  }

  @Test
  void aTypoInADropDownColumnIsReportedAtItsCellWithAHint() throws IOException {
    var s = Workbooks.valid();
    Workbooks.set(s, "Measures", 1, 3, "housng");
    String p = wb(s);
    CliRunner.Result r = CliRunner.run("validate", p);
    assertEquals(List.of(p + ":Measures!D2:E011"), r.located(), r.out());
    assertTrue(r.out().contains(p + ":Measures!D2: error[E011]: unknown value 'housng'"), r.out());
    assertTrue(r.out().contains("did you mean 'housing'"), r.out());
    assertEquals(1, r.exit());
    CliRunner.Result i = CliRunner.run("import", p, "-o", out());
    assertEquals(1, i.exit());
    assertFalse(Files.exists(dir.resolve("out")), "nothing written when there are errors");
  }

  @Test
  void machineFormatsGiveRowAndColumnAndNameTheCell() throws IOException {
    var s = Workbooks.valid();
    Workbooks.set(s, "Measures", 1, 3, "housng");
    String p = wb(s);
    CliRunner.Result r = CliRunner.run("validate", "--format", "json", p);
    String flat = r.out().replaceAll("\\s", "");
    assertTrue(flat.contains("\"file\":\"" + p + "\",\"line\":2,\"column\":4"), r.out());
    assertTrue(r.out().contains("Measures!D2: unknown value 'housng'"), r.out());
    CliRunner.Result sarif = CliRunner.run("validate", "--format", "sarif", p);
    assertTrue(sarif.out().contains("Measures!D2: unknown value"), sarif.out());
  }

  @Test
  void aRealDateIsReadAsThatDayAndANumberTypedAsTextIsANumber() throws IOException {
    var s = Workbooks.valid();
    Workbooks.set(s, "Measures", 0, 6, "start");
    Workbooks.set(s, "Measures", 1, 6, LocalDate.of(2016, 11, 1));
    Workbooks.set(s, "Municipalities", 0, 2, "population");
    Workbooks.set(s, "Municipalities", 1, 2, "12000");
    s.put("Funding", Workbooks.rows(Workbooks.row("municipality_id", "measure_id", "source",
        "amount_eur"), Workbooks.row("GM1", "m1", "municipal-incidental", " 12000.50 ")));
    CliRunner.Result r = CliRunner.run("import", wb(s), "-o", out());
    assertEquals(0, r.exit(), r.err());
    String y = yaml("GM1-een.yaml");
    assertTrue(y.contains("  population: 12000\n"), y);
    assertTrue(y.contains("      start: 2016-11-01\n"), y);
    assertTrue(y.contains("        amount_eur: 12000.5\n"), y);
  }

  @Test
  void aLocalisedNumberIsAnErrorWithTheNumberToWrite() throws IOException {
    var s = Workbooks.valid();
    s.put("Funding", Workbooks.rows(Workbooks.row("municipality_id", "measure_id", "source",
        "amount_eur"), Workbooks.row("GM1", "m1", "municipal-incidental", "12.000,50")));
    String p = wb(s);
    CliRunner.Result r = CliRunner.run("validate", p);
    assertEquals(List.of(p + ":Funding!D2:E008"), r.located(), r.out());
    assertTrue(r.out().contains("e.g. 12000.50"), r.out());
  }

  @Test
  void aFormulaIsReadAsItsValueAndFlagged() throws IOException {
    var s = Workbooks.valid();
    Workbooks.set(s, "Measures", 1, 2, new Workbooks.Formula("\"Language \"&\"cafe\""));
    String p = wb(s);
    CliRunner.Result r = CliRunner.run("import", p, "-o", out());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains(p + ":Measures!C2: warning[W011]"), r.err());
    assertTrue(yaml("GM1-een.yaml").contains("    title: Language cafe\n"));
  }

  @Test
  void aMissingSheetIsReported() throws IOException {
    var s = Workbooks.valid();
    s.put("Measure", s.remove("Measures"));
    String p = wb(s);
    CliRunner.Result r = CliRunner.run("validate", p);
    assertTrue(r.located().contains(p + ":1:1:E028"), r.out());
    assertTrue(r.out().contains("did you mean 'Measure'"), r.out());
    assertEquals(1, r.exit());
  }

  @Test
  void anUnknownColumnAndAMissingKeyColumnAreReportedAtTheHeader() throws IOException {
    var s = Workbooks.valid();
    Workbooks.set(s, "Measures", 0, 2, "titel");
    Workbooks.set(s, "Sources", 0, 1, "measure");
    String p = wb(s);
    CliRunner.Result r = CliRunner.run("validate", p);
    assertTrue(r.located().contains(p + ":Measures!C1:E028"), r.out());
    assertTrue(r.out().contains("did you mean 'title'"), r.out());
    assertTrue(r.located().contains(p + ":Sources!A1:E028"), r.out());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void mergedCellsAreReported() throws IOException {
    var s = Workbooks.valid();
    Workbooks.set(s, "Measures", 2, 1, "m2");
    Workbooks.set(s, "Measures", 2, 2, "T2");
    Workbooks.set(s, "Measures", 2, 3, "housing");
    Workbooks.set(s, "Measures", 2, 4, "refugees");
    String p = wb(s, "Measures!A2:A3");
    CliRunner.Result r = CliRunner.run("validate", p);
    assertTrue(r.located().contains(p + ":Measures!A2:E028"), r.out());
    assertEquals(1, r.exit());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void aRowNamingAMeasureThatDoesNotExistIsReported() throws IOException {
    var s = Workbooks.valid();
    Workbooks.set(s, "Sources", 1, 1, "m2");
    String p = wb(s);
    CliRunner.Result r = CliRunner.run("validate", p);
    assertTrue(r.located().contains(p + ":Sources!B2:E029"), r.out());
    assertTrue(r.out().contains("did you mean 'm1'"), r.out());
  }

  @Test
  void aZipBombIsRefused() throws IOException {
    Path good = Workbooks.write(dir.resolve("good.xlsx"), Workbooks.valid());
    // Twenty million spaces after the XML declaration pack into a few kilobytes.
    String pad = " ".repeat(20_000_000);
    Path bomb = rewrite(good, dir.resolve("bomb.xlsx"), "xl/worksheets/sheet1.xml", pad);
    CliRunner.Result r = CliRunner.run("validate", slashes(bomb));
    assertEquals(List.of(slashes(bomb) + ":1:1:E003"), r.located(), r.out() + r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void aSheetLargerThanTheLimitAllowsIsRefused() throws IOException {
    Path good = Workbooks.write(dir.resolve("good.xlsx"), Workbooks.valid());
    // Mostly one letter: packs well, yet not so well that it counts as a bomb.
    Random random = new Random(1);
    StringBuilder b = new StringBuilder("<!-- ");
    for (int i = 0; i < 600_000; i++) {
      b.append(random.nextInt(20) == 0 ? 'b' : 'a');
    }
    Path big = rewrite(good, dir.resolve("big.xlsx"), "xl/worksheets/sheet1.xml",
        b.append(" -->").toString());
    assertTrue(Files.size(big) < 100_000, "the file itself is under the limit");
    CliRunner.Result r = CliRunner.run("validate", "--max-file-size", "100000", slashes(big));
    assertEquals(List.of(slashes(big) + ":1:1:E003"), r.located(), r.out() + r.err());
    CliRunner.Result ok = CliRunner.run("validate", slashes(big));
    assertEquals(0, ok.exit(), ok.out());
  }

  @Test
  void aFileThatIsNoWorkbookIsReported() throws IOException {
    Path p = dir.resolve("notes.xlsx");
    Files.writeString(p, "municipality: {id: GM1}\n");
    CliRunner.Result r = CliRunner.run("validate", slashes(p));
    assertEquals(List.of(slashes(p) + ":1:1:E031"), r.located(), r.out());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  /**
   * A damaged workbook is invalid data, as a malformed YAML file is: E031 at the file and exit 1
   * in every command, with what is wrong in a user's words and never a Java class.
   */
  @Test
  void aDamagedWorkbookIsInvalidDataInEveryCommandAndNamesNoJavaClass() throws IOException {
    Path good = Workbooks.write(dir.resolve("good.xlsx"), Workbooks.valid());
    byte[] bytes = Files.readAllBytes(good);
    Path zero = Files.write(dir.resolve("zero.xlsx"), new byte[0]);
    Path trunc = Files.write(dir.resolve("trunc.xlsx"),
        java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Path badXml = replace(good, dir.resolve("badxml.xlsx"), "xl/worksheets/sheet1.xml",
        "<sheetData>", "<sheetData><row>");
    Path xxe = replace(good, dir.resolve("xxe.xlsx"), "xl/workbook.xml", "?>",
        "?><!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>");
    Map<Path, String> why = Map.of(zero, "the file is empty", trunc, "truncated",
        badXml, "malformed XML", xxe, "DOCTYPE");
    for (Map.Entry<Path, String> e : why.entrySet()) {
      String p = slashes(e.getKey());
      CliRunner.Result v = CliRunner.run("validate", p);
      assertEquals(List.of(p + ":1:1:E031"), v.located(), v.out());
      assertEquals(1, v.exit(), p + v.out() + v.err());
      assertTrue(v.out().contains(e.getValue()), v.out());
      Path into = dir.resolve("out-" + e.getKey().getFileName());
      CliRunner.Result i = CliRunner.run("import", p, "-o", slashes(into));
      assertEquals(1, i.exit(), p + i.err());
      assertFalse(Files.exists(into), "nothing written, no folder made");
      CliRunner.Result c = CliRunner.run("classify", "--format", "csv", p);
      assertEquals(1, c.exit(), p + c.err());
      for (String text : List.of(v.out(), v.err(), i.err(), c.err())) {
        assertFalse(text.contains("org.apache") || text.contains("Exception")
            || text.contains("java."), text);
      }
    }
  }

  /** A workbook that cannot be read at all (here a pipe) is E023, exit 3, in import as well. */
  @Test
  void anUnreadableWorkbookIsAnInputFailureInImportAsInValidate() throws Exception {
    Path fifo = dir.resolve("pipe.xlsx");
    Process p;
    try {
      p = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      org.junit.jupiter.api.Assumptions.assumeTrue(false, "no mkfifo here");
      return;
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0 && Files.exists(fifo));
    CliRunner.Result v = CliRunner.run("validate", slashes(fifo));
    assertEquals(List.of(slashes(fifo) + ":1:1:E023"), v.located(), v.out());
    assertEquals(3, v.exit());
    CliRunner.Result i = CliRunner.run("import", slashes(fifo), "-o", out());
    assertEquals(3, i.exit(), i.err());
    assertTrue(i.err().contains(slashes(fifo) + ":1:1: error[E023]"), i.err());
  }

  @Test
  void aCellLongerThanTheStringLimitIsE005AtItsCellAndImportWritesNothing() throws IOException {
    var s = Workbooks.valid();
    Workbooks.set(s, "Measures", 1, 2, "LONG-TITLE");
    // POI writes no cell over Excel's limit; a file made otherwise can hold one
    String p = slashes(replace(Workbooks.write(dir.resolve("short.xlsx"), s),
        dir.resolve("wb.xlsx"), "xl/sharedStrings.xml", "LONG-TITLE", "t".repeat(40_000)));
    CliRunner.Result v = CliRunner.run("validate", p);
    assertEquals(List.of(p + ":Measures!C2:E005"), v.located(), v.out());
    assertEquals(1, v.exit());
    CliRunner.Result i = CliRunner.run("import", p, "-o", out());
    assertEquals(1, i.exit(), i.err());
    assertTrue(i.err().contains(p + ":Measures!C2: error[E005]"), i.err());
    assertFalse(Files.exists(dir.resolve("out")));
    // with the limit raised, what import writes passes validate with the same limit
    CliRunner.Result raised = CliRunner.run("import", "--max-string", "40000", p, "-o", out());
    assertEquals(0, raised.exit(), raised.err());
    assertEquals(1, CliRunner.run("validate", out()).exit());
    assertEquals(0, CliRunner.run("validate", "--max-string", "40000", out()).exit());
  }

  @Test
  void aLongNameGivesAShortFileNameAndNamesStayUnique() throws IOException {
    var s = Workbooks.valid();
    Workbooks.set(s, "Municipalities", 1, 1, "Ä".repeat(250));
    // GM1-a named "B" would have the file name of GM1 named "A B"
    Workbooks.set(s, "Municipalities", 2, 0, "GM1-aa");
    Workbooks.set(s, "Municipalities", 2, 1, "a".repeat(300));
    Workbooks.set(s, "Municipalities", 3, 0, "GM2");
    Workbooks.set(s, "Municipalities", 3, 1, "A B");
    Workbooks.set(s, "Municipalities", 4, 0, "GM2-a");
    Workbooks.set(s, "Municipalities", 4, 1, "B");
    String p = wb(s);
    CliRunner.Result r = CliRunner.run("import", p, "-o", out());
    assertEquals(0, r.exit(), r.err());
    List<String> names;
    try (Stream<Path> files = Files.list(dir.resolve("out"))) {
      names = files.map(f -> f.getFileName().toString()).sorted().toList();
    }
    assertEquals(4, names.size(), names.toString());
    for (String n : names) {
      assertTrue(n.getBytes(StandardCharsets.UTF_8).length <= 128, n);
    }
    assertTrue(names.contains("GM2-a-b.yaml") && names.contains("GM2-a.yaml"), names.toString());
    assertTrue(names.contains("GM1-" + "a".repeat(128 - 4 - 5) + ".yaml"), names.toString());
    assertTrue(names.contains("GM1-aa-" + "a".repeat(128 - 7 - 5) + ".yaml"), names.toString());
    CliRunner.Result v = CliRunner.run("validate", out());
    assertEquals(0, v.exit(), v.out());
    assertTrue(v.out().contains("4 municipalities"), v.out());
  }

  @Test
  void aFailedImportLeavesNoFolderItMadeAndNamesTheFileAskedFor() throws IOException {
    // folders that can be made, in which the scratch file's path is longer than a path may be
    Path deep = dir.toAbsolutePath().resolve("new");
    while (deep.toString().length() < 4050 - 200) {
      deep = deep.resolve("d".repeat(200));
    }
    deep = deep.resolve("d".repeat(4050 - deep.toString().length() - 1));
    CliRunner.Result r = CliRunner.run("import", wb(Workbooks.valid()), "-o", slashes(deep));
    assertEquals(3, r.exit(), r.err());
    assertTrue(r.err().contains("GM1-een.yaml"), r.err());
    assertFalse(r.err().contains(".polcomp-import"), r.err());
    assertFalse(Files.exists(dir.resolve("new")), "the folders it made are removed");
  }

  @Test
  void aMissingOptionalSheetIsAWarningAndARenamedOneAnError() throws IOException {
    var s = Workbooks.valid();
    s.remove("Codings");
    String p = wb(s);
    CliRunner.Result r = CliRunner.run("validate", p);
    assertEquals(List.of(p + ":1:1:W012"), r.located(), r.out());
    assertTrue(r.out().contains("no sheet 'Codings'"), r.out());
    assertEquals(0, r.exit());
    for (String name : List.of("Financiering", "funding")) {
      var t = Workbooks.valid();
      t.put("Funding", Workbooks.rows(Workbooks.row("municipality_id", "measure_id", "source"),
          Workbooks.row("GM1", "m1", "municipality")));
      t.put(name, t.remove("Funding"));
      String q = wb(t);
      CliRunner.Result v = CliRunner.run("validate", q);
      assertEquals(List.of(q + ":1:1:E028"), v.located(), v.out());
      assertTrue(v.out().contains("'" + name + "'"), v.out());
      assertEquals(1, v.exit());
      CliRunner.Result i = CliRunner.run("import", q, "-o", out());
      assertEquals(1, i.exit(), i.err());
      assertFalse(Files.exists(dir.resolve("out")));
    }
  }

  @Test
  void aSecondSheetOfANameAndAnUnknownSheetWithDataAreReported() throws IOException {
    var s = Workbooks.valid();
    s.put("Notes", Workbooks.rows(Workbooks.row(null, "remember")));
    Path good = Workbooks.write(dir.resolve("good.xlsx"), s);
    String p = wb(s);
    CliRunner.Result r = CliRunner.run("validate", p);
    assertEquals(List.of(p + ":Notes!B1:W012"), r.located(), r.out());
    assertEquals(0, r.exit());
    // Excel refuses two sheets of one name; a file made otherwise can have them
    Path twice = replace(good, dir.resolve("twice.xlsx"), "xl/workbook.xml", "name=\"Codings\"",
        "name=\"Measures\"");
    CliRunner.Result t = CliRunner.run("validate", slashes(twice));
    assertTrue(t.located().contains(slashes(twice) + ":Measures!A1:E028"), t.out());
    assertEquals(1, t.exit(), t.out());
  }

  @Test
  void aValueInAColumnWithoutAHeaderIsReportedAtItsCell() throws IOException {
    var s = Workbooks.valid();
    Workbooks.set(s, "Measures", 1, 25, "lost");
    String p = wb(s);
    CliRunner.Result r = CliRunner.run("validate", p);
    assertEquals(List.of(p + ":Measures!Z2:E028"), r.located(), r.out());
    assertEquals(1, CliRunner.run("import", p, "-o", out()).exit());
    Path csv = Files.createDirectories(dir.resolve("csv"));
    Files.writeString(csv.resolve("Municipalities.csv"), "id,name\nGM1,Een,extra\n");
    Files.writeString(csv.resolve("Measures.csv"), "municipality_id,id,title,domain,groups\n"
        + "GM1,m1,T,housing,refugees\n");
    CliRunner.Result c = CliRunner.run("validate", slashes(csv));
    assertTrue(c.located().contains(slashes(csv) + ":Municipalities!C2:E028"), c.out());
    assertEquals(1, c.exit());
  }

  /**
   * A cell reference that names no cell of the sheet (Excel's sheet has columns A to XFD and rows
   * 1 to 1,048,576) is a damaged cell, E031 at its row, exit 1: never a crash, and its value never
   * lands in another cell. POI keeps a column in 16 bits: ZZZZZ2 and BGDL2 (column 40,000) came
   * back as a negative column, CYNH2 (70,000) as FOR2, and A0 took the place of A2.
   */
  @Test
  void aCellReferenceOutsideTheSheetIsADamagedCellAndNoValueMoves() throws IOException {
    Path good = Workbooks.write(dir.resolve("good.xlsx"), Workbooks.valid());
    for (String ref : List.of("ZZZZZ2", "BGDL2", "CYNH2", "XFE2", "A0", "A1048577",
        "AAAAAAAAAAAAAAAAAAAA2", "c2", "C3", "")) {
      String p = slashes(replace(good, dir.resolve("ref.xlsx"), "xl/worksheets/sheet2.xml",
          "r=\"C2\"", "r=\"" + ref + "\""));
      CliRunner.Result r = CliRunner.run("validate", p);
      // the title cell is not read, so the measure has none; A2 keeps its own value
      assertEquals(List.of(p + ":Measures!A2:E031", p + ":Measures!C2:E009"), r.located(),
          ref + ": " + r.out() + r.err());
      assertTrue(r.out().contains("the cell is damaged: its reference '" + ref + "'"), r.out());
      assertEquals(1, r.exit(), r.err());
      CliRunner.Result i = CliRunner.run("import", p, "-o", out());
      assertEquals(1, i.exit(), i.err());
      assertFalse(i.err().contains("internal error"), i.err());
      assertFalse(Files.exists(dir.resolve("out")));
      CliRunner.Result c = CliRunner.run("compare", p, "--skip-invalid", "-o",
          slashes(dir.resolve("c.xlsx")));
      assertFalse(c.err().contains("internal error") || c.err().contains("Exception"), c.err());
    }
    // a row numbered outside the sheet: its cells have no place
    String row = slashes(replace(good, dir.resolve("row.xlsx"), "xl/worksheets/sheet2.xml",
        "<row r=\"2\"", "<row r=\"0\""));
    CliRunner.Result r = CliRunner.run("validate", row);
    assertTrue(r.located().contains(row + ":Measures!A1:E031"), r.out());
    assertTrue(r.out().contains("row number 0 is not a row of a sheet"), r.out());
    assertEquals(1, r.exit(), r.err());
  }

  /** POI reads a shared string past the end of the table as an empty cell; it is damaged. */
  @Test
  void aCellNamingSharedTextTheWorkbookLacksIsDamagedAtTheCell() throws IOException {
    Path good = Workbooks.write(dir.resolve("good.xlsx"), Workbooks.valid());
    String sheet = entry(good, "xl/worksheets/sheet2.xml");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "<c r=\"C2\" t=\"s\"[^>]*><v>[0-9]+</v>").matcher(sheet);
    assertTrue(m.find(), sheet);
    String p = slashes(replace(good, dir.resolve("sst.xlsx"), "xl/worksheets/sheet2.xml",
        m.group(), m.group().replaceAll("<v>[0-9]+</v>", "<v>99999</v>")));
    CliRunner.Result r = CliRunner.run("validate", p);
    assertTrue(r.located().contains(p + ":Measures!C2:E031"), r.out());
    assertTrue(r.out().contains("shared string 99999"), r.out());
    assertEquals(1, r.exit(), r.err());
    // no shared text at all: one diagnostic at the file, not one at every cell
    String sst = entry(good, "xl/sharedStrings.xml");
    String empty = sst.substring(0, sst.indexOf("<si>")) + sst.substring(sst.lastIndexOf("</si>")
        + "</si>".length());
    String q = slashes(replace(good, dir.resolve("nosst.xlsx"), "xl/sharedStrings.xml", sst,
        empty));
    CliRunner.Result n = CliRunner.run("validate", q);
    assertEquals(List.of(q + ":1:1:E031"), n.located(), n.out());
    assertEquals(1, n.exit(), n.err());
  }

  /** Excel takes a sheet's name in any case: MEASURES beside Measures is a second sheet of it. */
  @Test
  void aSheetNamedAsAnotherButForCaseIsASecondSheetOfThatName() throws IOException {
    var s = Workbooks.valid();
    s.put("Notes", Workbooks.rows(Workbooks.row("municipality_id", "id", "title"),
        Workbooks.row("GM1", "m2", "Lost")));
    // POI, as Excel, refuses to make the sheet; a file made otherwise can hold it
    String p = slashes(replace(Workbooks.write(dir.resolve("good.xlsx"), s),
        dir.resolve("case.xlsx"), "xl/workbook.xml", "name=\"Notes\"", "name=\"MEASURES\""));
    CliRunner.Result r = CliRunner.run("validate", p);
    assertEquals(List.of(p + ":MEASURES!A1:E028"), r.located(), r.out());
    assertTrue(r.out().contains("second sheet named 'Measures'"), r.out());
    assertEquals(1, r.exit());
  }

  /** E015 with the first municipality in a workbook names its cell, as every workbook place. */
  @Test
  void aMunicipalityDeclaredInAWorkbookAndAYamlFileNamesItsCell() throws IOException {
    String p = wb(Workbooks.valid());
    Path yaml = dir.resolve("b.yaml");
    Files.writeString(yaml, "format: polcomp/1\nmunicipality:\n  id: GM1\n  name: Een\n"
        + "policies: []\n");
    CliRunner.Result r = CliRunner.run("validate", p, slashes(yaml));
    assertTrue(r.located().contains(slashes(yaml) + ":3:7:E015"), r.out());
    assertTrue(r.out().contains("first used at " + p + ":Municipalities!A2"), r.out());
  }

  /** Every entry of a folder of CSV sheets that is not read as a sheet is named (W012). */
  @Test
  void aFileInAFolderOfCsvSheetsThatIsNotReadIsReported() throws Exception {
    Path csv = Files.createDirectories(dir.resolve("csv"));
    Files.writeString(csv.resolve("Municipalities.csv"), "id,name\nGM1,Een\n");
    Files.writeString(csv.resolve("Measures.csv"), "municipality_id,id,title,domain,groups,"
        + "declared_duration\nGM1,m1,T,housing,refugees,structural\n");
    Files.writeString(csv.resolve("Sources.csv"), "municipality_id,measure_id,title\nGM1,m1,S\n");
    Files.writeString(csv.resolve("Funding.csv"), "municipality_id,measure_id,source\n");
    Files.writeString(csv.resolve("Codings.csv"), "municipality_id,measure_id,coder\n");
    Files.writeString(csv.resolve(".hidden"), "x");
    String c = slashes(csv);
    assertEquals(List.of(), CliRunner.run("validate", c).located());
    Files.writeString(csv.resolve("b.yaml"), "format: polcomp/1\n");
    Files.createDirectories(csv.resolve("Notes.csv"));
    CliRunner.Result r = CliRunner.run("validate", c);
    assertEquals(List.of(c + "/Notes.csv:1:1:W012", c + "/b.yaml:1:1:W012"), r.located(),
        r.out());
    assertEquals(0, r.exit(), r.err());
    if (!System.getProperty("os.name").startsWith("Windows")) {
      Process mk = new ProcessBuilder("mkfifo", csv.resolve("Sources2.csv").toString()).start();
      assertEquals(0, mk.waitFor());
      CliRunner.Result f = CliRunner.run("validate", c);
      assertTrue(f.located().contains(c + "/Sources2.csv:1:1:W012"), f.out());
      assertTrue(f.out().contains("not a regular file"), f.out());
    }
  }

  /** The text of one entry of a workbook. */
  private static String entry(Path wb, String name) throws IOException {
    try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(wb))) {
      for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
        if (e.getName().equals(name)) {
          return new String(zin.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError(name + " is not in " + wb);
  }

  /** A copy of a workbook with the first {@code from} in one entry replaced by {@code to}. */
  private static Path replace(Path in, Path to, String entry, String from, String with)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(in));
        ZipOutputStream zout = new ZipOutputStream(bytes)) {
      for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
        byte[] data = zin.readAllBytes();
        if (e.getName().equals(entry)) {
          String xml = new String(data, StandardCharsets.UTF_8);
          assertTrue(xml.contains(from), entry + " holds " + from);
          data = xml.replaceFirst(java.util.regex.Pattern.quote(from),
              java.util.regex.Matcher.quoteReplacement(with)).getBytes(StandardCharsets.UTF_8);
        }
        zout.putNextEntry(new ZipEntry(e.getName()));
        zout.write(data);
        zout.closeEntry();
      }
    }
    Files.write(to, bytes.toByteArray());
    return to;
  }

  @Test
  void aFolderOfCsvSheetsReadsAsTheWorkbook() throws IOException {
    Path csv = Files.createDirectories(dir.resolve("export"));
    Files.writeString(csv.resolve("Coding - Municipalities.csv"), "\uFEFFid,name\r\nGM1,Een\r\n");
    Files.writeString(csv.resolve("Coding - Measures.csv"),
        "municipality_id,id,title,domain,groups,declared_duration\r\n"
            + "GM1,m1,T,housing,refugees,structural\r\n");
    Files.writeString(csv.resolve("Coding - Sources.csv"),
        "municipality_id,measure_id,title\r\nGM1,m1,\"S\"\r\n");
    Files.writeString(csv.resolve("Coding - Funding.csv"), "municipality_id,measure_id,source\r\n");
    Files.writeString(csv.resolve("Coding - Codings.csv"), "municipality_id,measure_id,coder\r\n");
    CliRunner.Result r = CliRunner.run("import", slashes(csv), "-o", out());
    assertEquals(0, r.exit(), r.err());
    String fromCsv = yaml("GM1-een.yaml");
    CliRunner.Result again = CliRunner.run("import", wb(Workbooks.valid()), "-o", out(), "--force");
    assertEquals(0, again.exit(), again.err());
    assertEquals(fromCsv, yaml("GM1-een.yaml"));
    Files.writeString(csv.resolve("Coding - Measures.csv"),
        "municipality_id,id,title,domain,groups\r\nGM1,m1,T,housng,refugees\r\n");
    CliRunner.Result bad = CliRunner.run("validate", slashes(csv));
    assertEquals(List.of(slashes(csv) + ":Measures!D2:E011"), bad.located(), bad.out());
  }

  @Test
  void importNeverOverwritesWithoutForce() throws IOException {
    String p = wb(Workbooks.valid());
    assertEquals(0, CliRunner.run("import", p, "-o", out()).exit());
    Files.writeString(dir.resolve("out/GM1-een.yaml"), "edited\n");
    CliRunner.Result r = CliRunner.run("import", p, "-o", out());
    assertEquals(2, r.exit(), r.err());
    assertEquals("edited\n", yaml("GM1-een.yaml"));
    assertEquals(0, CliRunner.run("import", p, "-o", out(), "--force").exit());
    assertTrue(yaml("GM1-een.yaml").startsWith("# yaml-language-server"));
    try (Stream<Path> left = Files.list(dir.resolve("out"))) {
      assertEquals(1, left.count(), "no scratch folder left behind");
    }
  }

  /** A copy of a workbook with {@code pad} after the XML declaration of one entry. */
  private static Path rewrite(Path from, Path to, String entry, String pad) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
        ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] data = in.readAllBytes();
        if (e.getName().equals(entry)) {
          String xml = new String(data, StandardCharsets.UTF_8);
          int decl = xml.indexOf("?>") + 2;
          data = (xml.substring(0, decl) + pad + xml.substring(decl))
              .getBytes(StandardCharsets.UTF_8);
        }
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(data);
        out.closeEntry();
      }
    }
    Files.write(to, bytes.toByteArray());
    return to;
  }
}
