package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polcomp.golden.Datasets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code compare --skip-invalid}: which files are left out, what the outputs and stderr say of
 * them, and the errors it does not leave out; and the warnings line compare prints on stderr.
 */
class SkipInvalidTest {
  @TempDir Path dir;

  private static final String VALID = Datasets.INVENTED + "/grenzstedt.yaml";

  /** A valid file of municipality {@code id} with one measure. */
  private static String municipality(String id, String name) {
    return "format: polcomp/1\nmunicipality:\n  id: " + id + "\n  name: " + name
        + "\n  country: NL\npolicies:\n  - id: language-cafe\n    title: Language cafe\n"
        + "    domain: language\n    target:\n      groups: [all-residents]\n"
        + "    instrument: regular-service\n    declared_duration: structural\n"
        + "    sources:\n      - url: https://example.org/cafe\n        title: Council letter\n";
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve("in").resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static JsonNode json(Path p) {
    return JsonMapper.shared().readTree(p.toFile());
  }

  private static List<String> ids(JsonNode report) {
    List<String> ids = new ArrayList<>();
    report.get("municipalities").forEach(m -> ids.add(m.get("municipality_id").asString()));
    return ids;
  }

  private static List<String> issues(JsonNode report, String severity) {
    List<String> found = new ArrayList<>();
    for (JsonNode i : report.get("issues")) {
      if (i.get("severity").asString().equals(severity)) {
        found.add(Path.of(i.get("file").asString()).getFileName() + ":" + i.get("line").asInt()
            + ":" + i.get("code").asString());
      }
    }
    return found;
  }

  @Test
  void aFileWithErrorsIsLeftOutAndListed() throws IOException {
    write("a.yaml", municipality("XX0101", "Aa"));
    write("b.yaml", municipality("XX0102", "Bee").replace("country: NL", "country: nl"));
    Path out = dir.resolve("c.json");
    CliRunner.Result r = CliRunner.run("compare", dir.resolve("in").toString(), "-o",
        out.toString(), "--skip-invalid");
    assertEquals(0, r.exit(), r.err());
    JsonNode report = json(out);
    assertEquals(List.of("XX0101"), ids(report));
    assertEquals(List.of("b.yaml:5:E022"), issues(report, "error"));
    assertEquals(1, report.get("options").get("skipped_files").asInt());
    assertTrue(r.err().contains("polcomp: skipped " + dir.resolve("in/b.yaml")
        + ": 1 error, the first at 5:12 [E022]: "), r.err());
    assertTrue(r.err().contains("polcomp: 1 file skipped for 1 error: see \"issues\" in " + out),
        r.err());

    // without the option, the same data fails and writes nothing
    Path without = dir.resolve("without.json");
    CliRunner.Result failed =
        CliRunner.run("compare", dir.resolve("in").toString(), "-o", without.toString());
    assertEquals(1, failed.exit());
    assertFalse(Files.exists(without));
  }

  @Test
  void theFilesLeftOutAreListedEvenWhenQuiet() throws IOException {
    write("a.yaml", municipality("XX0101", "Aa"));
    write("b.yaml", municipality("bad id", "Bee"));
    CliRunner.Result r = CliRunner.run("compare", dir.resolve("in").toString(), "-o",
        dir.resolve("c.json").toString(), "--skip-invalid", "-q");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().startsWith("polcomp: skipped " + dir.resolve("in/b.yaml") + ": "),
        r.err());
    assertFalse(r.err().contains("see "), "-q leaves out the summary lines: " + r.err());
  }

  @Test
  void aRunWithoutErrorsRecordsThatNoneWasSkipped() throws IOException {
    Path out = dir.resolve("c.json");
    CliRunner.Result r = CliRunner.run("compare", VALID, "-o", out.toString(), "--skip-invalid");
    assertEquals(0, r.exit(), r.err());
    assertEquals(0, json(out).get("options").get("skipped_files").asInt());
    assertFalse(r.err().contains("skipped"), r.err());
    Path plain = dir.resolve("plain.json");
    assertEquals(0, CliRunner.run("compare", VALID, "-o", plain.toString(), "-q").exit());
    assertFalse(json(plain).get("options").has("skipped_files"),
        "without --skip-invalid the options are as they were");
  }

  @Test
  void aDuplicateIdLeavesOutTheLaterFileOnly() throws IOException {
    write("a.yaml", municipality("XX0101", "Aa"));
    write("b.yaml", municipality("XX0101", "Aa again"));
    Path out = dir.resolve("c.json");
    assertEquals(0, CliRunner.run("compare", dir.resolve("in").toString(), "-o",
        out.toString(), "--skip-invalid", "-q").exit());
    JsonNode report = json(out);
    assertEquals(List.of("XX0101"), ids(report));
    assertEquals("Aa", report.get("municipalities").get(0).get("municipality").asString());
    assertEquals(List.of("b.yaml:3:E015"), issues(report, "error"));
  }

  @Test
  void aFileLeftOutForItsOwnErrorsTakesNoIdFromAnother() throws IOException {
    // a.yaml comes first and would make b.yaml's id a duplicate, but is left out anyway
    write("a.yaml", municipality("XX0101", "Aa").replace("country: NL", "country: nl"));
    write("b.yaml", municipality("XX0101", "Bee"));
    Path out = dir.resolve("c.json");
    assertEquals(0, CliRunner.run("compare", dir.resolve("in").toString(), "-o",
        out.toString(), "--skip-invalid", "-q").exit());
    JsonNode report = json(out);
    assertEquals(List.of("XX0101"), ids(report));
    assertEquals("Bee", report.get("municipalities").get(0).get("municipality").asString());
    assertEquals(List.of("a.yaml:5:E022"), issues(report, "error"));
    assertEquals(1, report.get("options").get("skipped_files").asInt());
  }

  @Test
  void aWorkbookIsOneInputFile() throws IOException {
    Path workbook = dir.resolve("entry.xlsx");
    assertEquals(0, CliRunner.run("template", Datasets.INVENTED + "/lindenmeer.yaml",
        Datasets.INVENTED + "/polderbeek.yaml", "-o", workbook.toString()).exit());
    String cell;
    try (InputStream in = Files.newInputStream(workbook);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      Sheet sheet = wb.getSheet("Municipalities");
      int population = -1;
      for (Cell c : sheet.getRow(0)) {
        if (c.getStringCellValue().equals("population")) {
          population = c.getColumnIndex();
        }
      }
      assertTrue(population >= 0, "the Municipalities sheet has a population column");
      Row second = sheet.getRow(2);
      second.getCell(population).setCellValue("many");
      cell = second.getCell(population).getAddress().formatAsString();
      try (OutputStream o = Files.newOutputStream(workbook)) {
        wb.write(o);
      }
    }
    Path out = dir.resolve("c.json");
    CliRunner.Result r = CliRunner.run("compare", workbook.toString(), VALID, "-o",
        out.toString(), "--skip-invalid");
    assertEquals(0, r.exit(), r.err());
    JsonNode report = json(out);
    // one wrong cell leaves out both municipalities of the workbook
    assertEquals(List.of("XX0003"), ids(report));
    JsonNode error = report.get("issues").get(0);
    assertEquals(workbook.toString(), error.get("file").asString());
    assertEquals("E008", error.get("code").asString());
    assertTrue(error.get("message").asString().startsWith("Municipalities!" + cell + ": "),
        error.toString());
    assertTrue(r.err().contains("the first at Municipalities!" + cell + " [E008]"), r.err());
  }

  @Test
  void nothingLeftToCompareIsInvalid() throws IOException {
    write("b.yaml", municipality("bad id", "Bee"));
    Path out = dir.resolve("c.xlsx");
    CliRunner.Result r = CliRunner.run("compare", dir.resolve("in").toString(), "-o",
        out.toString(), "--skip-invalid");
    assertEquals(1, r.exit());
    assertFalse(Files.exists(out));
    assertTrue(r.err().contains("error[E012]"), r.err());
    assertTrue(r.err().contains("--skip-invalid left nothing to compare"), r.err());
  }

  @Test
  void anUnreadableInputIsNotLeftOut() throws IOException {
    write("a.yaml", municipality("XX0101", "Aa"));
    Files.createSymbolicLink(dir.resolve("in/b.yaml"), dir.resolve("nowhere.yaml"));
    Path out = dir.resolve("c.json");
    CliRunner.Result r = CliRunner.run("compare", dir.resolve("in").toString(), "-o",
        out.toString(), "--skip-invalid");
    assertEquals(3, r.exit(), r.err());
    assertTrue(r.err().contains("error[E023]"), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void anInvalidCodebookIsNotLeftOut() throws IOException {
    Path codebook = dir.resolve("codebook.yaml");
    Files.writeString(codebook, "weights: [\n", StandardCharsets.UTF_8);
    Path out = dir.resolve("c.json");
    CliRunner.Result r = CliRunner.run("compare", VALID, "--codebook", codebook.toString(),
        "-o", out.toString(), "--skip-invalid");
    assertEquals(1, r.exit(), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void theWarningsAreCountedOnStderrWithWhereTheyAre() {
    // the frozen invented dataset has four warnings, its grenzstedt.yaml one (W005)
    Path xlsx = dir.resolve("c.xlsx");
    CliRunner.Result r = CliRunner.run("compare", Datasets.INVENTED, "-o", xlsx.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals("polcomp: 4 warnings: see the Issues sheet of " + xlsx + "\n", r.err());
    assertFalse(r.out().contains("warning"), "the count goes to stderr, not stdout");
    Path csv = dir.resolve("csv");
    assertEquals("polcomp: 1 warning: see " + csv.resolve("issues.csv") + "\n",
        CliRunner.run("compare", VALID, "-o", csv + "/").err());
    Path html = dir.resolve("c.html");
    assertEquals("polcomp: 1 warning: see the Issues section of " + html + "\n",
        CliRunner.run("compare", VALID, "-o", html.toString()).err());
    Path json = dir.resolve("c.json");
    assertEquals("polcomp: 1 warning: see \"issues\" in " + json + "\n",
        CliRunner.run("compare", VALID, "-o", json.toString()).err());
    assertEquals("", CliRunner.run("compare", VALID, "-o", xlsx.toString(), "-q").err());
  }

  @Test
  void aRunWithoutWarningsPrintsNoWarningsLine() throws IOException {
    Path file = write("a.yaml", municipality("XX0101", "Aa"));
    CliRunner.Result r =
        CliRunner.run("compare", file.toString(), "-o", dir.resolve("c.json").toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err());
  }
}
