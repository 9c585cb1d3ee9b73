package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polcomp.golden.Datasets;
import org.polcomp.golden.XlsxDump;
import org.polcomp.run.CompareJob;
import org.polcomp.run.OutputTarget;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code polcomp compare} end to end: formats agree, the workbook is right, failures are safe. */
class CompareCommandTest {
  @TempDir Path dir;

  static final List<String> SHEETS = List.of("Summary", "Measures", "Domains", "Typology",
      "Timeline", "Experiments", "Agreement", "Issues", "Codebook", "About");

  /** Every table as text cells, from the CSV files. */
  private static List<List<String>> csv(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      r.mark(1);
      if (r.read() != '\uFEFF') {
        r.reset();
      }
      List<List<String>> rows = new ArrayList<>();
      for (CSVRecord rec : CSVFormat.RFC4180.parse(r)) {
        rows.add(rec.toList());
      }
      return rows;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {Datasets.POLICIES, Datasets.INVENTED})
  void theThreeFormatsCarryTheSameNumbers(String dataset) throws IOException {
    assertEquals(0, CliRunner.run("compare", dataset, "-o", dir + "/c.xlsx", "-q").exit());
    assertEquals(0, CliRunner.run("compare", dataset, "-o", dir + "/c.json", "-q").exit());
    assertEquals(0, CliRunner.run("compare", dataset, "-o", dir + "/csv", "--raw-csv", "-q")
        .exit());
    JsonNode json = JsonMapper.builder().build().readTree(dir.resolve("c.json").toFile());
    try (InputStream in = Files.newInputStream(dir.resolve("c.xlsx"));
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      List<String> names = sheetNames(wb);
      assertEquals("Overview", names.get(0), "the Overview first");
      assertEquals(SHEETS, names.subList(1, names.size()));
      String[][] tables = {{"municipalities", "Summary"}, {"measures", "Measures"},
          {"domains", "Domains"}, {"typology", "Typology"}, {"timeline", "Timeline"},
          {"experiments", "Experiments"}, {"agreement", "Agreement"}, {"issues", "Issues"}};
      for (String[] t : tables) {
        List<List<String>> rows = csv(dir.resolve("csv").resolve(t[0] + ".csv"));
        List<String> header = rows.get(0);
        Sheet sheet = wb.getSheet(t[1]);
        JsonNode array = json.get(t[0]);
        assertEquals(rows.size() - 1, array.size(), t[0]);
        assertEquals(rows.size() - 1, sheet.getLastRowNum(), t[0]);
        for (int i = 1; i < rows.size(); i++) {
          Row xrow = sheet.getRow(i);
          for (int c = 0; c < header.size(); c++) {
            String key = header.get(c);
            String fromCsv = rows.get(i).get(c);
            JsonNode jv = array.get(i - 1).get(key);
            Cell cell = xrow.getCell(c);
            String where = t[0] + " row " + i + " " + key;
            assertEquals(fromCsv, normal(jv), where + " (json)");
            assertEquals(fromCsv, normal(cell), where + " (xlsx)");
            // The XLSX header of a column is its key with spaces and a capital.
            String label = key.replace('_', ' ');
            label = label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1);
            assertEquals(label, sheet.getRow(0).getCell(c).getStringCellValue());
          }
        }
      }
    }
  }

  private static List<String> sheetNames(XSSFWorkbook wb) {
    List<String> names = new ArrayList<>();
    wb.forEach(s -> names.add(s.getSheetName()));
    return names;
  }

  private static String normal(JsonNode v) {
    if (v == null || v.isNull()) {
      return "";
    }
    if (v.isNumber()) {
      return number(v.doubleValue());
    }
    return v.asString();
  }

  private static String normal(Cell c) {
    if (c == null || c.getCellType() == CellType.BLANK) {
      return "";
    }
    return switch (c.getCellType()) {
      case NUMERIC -> number(c.getNumericCellValue());
      case BOOLEAN -> Boolean.toString(c.getBooleanCellValue());
      default -> c.getStringCellValue();
    };
  }

  /** Numbers compared by value: "1", "1.0" and 1 are the same number. */
  private static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  @Test
  void csvNumbersReadAsTheSameValues() throws IOException {
    assertEquals(0, CliRunner.run("compare", Datasets.POLICIES, "-o", dir + "/csv", "-q").exit());
    for (List<String> row : csv(dir.resolve("csv/municipalities.csv")).subList(1, 17)) {
      for (String cell : row) {
        if (cell.matches("-?\\d+\\.\\d+")) {
          assertEquals(cell, number(Double.parseDouble(cell)), "round trip of " + cell);
        }
      }
    }
  }

  @Test
  void theWorkbookShowsTheClassification() throws IOException {
    assertEquals(0, CliRunner.run("compare", Datasets.POLICIES, "-o", dir + "/c.xlsx", "-q").exit());
    try (InputStream in = Files.newInputStream(dir.resolve("c.xlsx"));
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      Sheet measures = wb.getSheet("Measures");
      Row einstein = find(measures, 2, "plan-einstein-co-learning");
      assertNotNull(einstein);
      assertEquals("mainstreamed", einstein.getCell(13).getStringCellValue());
      assertEquals("temporary", einstein.getCell(14).getStringCellValue());
      assertEquals("mainstreamed-temporary", einstein.getCell(15).getStringCellValue());
      assertEquals(-5.0, einstein.getCell(16).getNumericCellValue());
      assertEquals(1.0, einstein.getCell(17).getNumericCellValue());
      assertTrue(einstein.getCell(18).getStringCellValue().contains("D3 instrument living-lab (-2)"));
      Sheet summary = wb.getSheet("Summary");
      Row utrecht = find(summary, 0, "GM0344");
      assertEquals("mainstreamed-structural", utrecht.getCell(23).getStringCellValue());
      assertEquals(0.6, utrecht.getCell(18).getNumericCellValue(), 1e-9);
      assertEquals("0%", utrecht.getCell(18).getCellStyle().getDataFormatString());
      assertEquals("60%", new DataFormatter(Locale.ROOT).formatCellValue(utrecht.getCell(18)));
      assertEquals(2.0, utrecht.getCell(26).getNumericCellValue()); // experiments
      assertTrue(summary.getPaneInformation().isFreezePane());
      assertEquals(1, summary.getPaneInformation().getHorizontalSplitPosition());
      assertFalse(wb.getSheet("Summary").getSheetConditionalFormatting()
          .getNumConditionalFormattings() == 0);
      assertEquals(1, wb.getSheet("Summary").getDrawingPatriarch().getCharts().size());
      assertEquals(1, wb.getSheet("Typology").getDrawingPatriarch().getCharts().size());
      for (String s : SHEETS.subList(0, 7)) {
        assertEquals(1, wb.getSheet(s).getTables().size(), s);
      }
      Row withUrl = find(measures, 2, "wet-inburgering-2021");
      assertNotNull(withUrl.getCell(22).getHyperlink());
    }
  }

  private static Row find(Sheet sheet, int col, String value) {
    for (Row r : sheet) {
      Cell c = r.getCell(col);
      if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(value)) {
        return r;
      }
    }
    return null;
  }

  @Test
  void sameInputSameBytesWhateverTheThreads() throws IOException {
    Path out = dir.resolve("a.xlsx");
    assertEquals(0, CliRunner.run("compare", Datasets.INVENTED, "-o", out.toString(), "-q")
        .exit());
    byte[] first = Files.readAllBytes(out);
    assertEquals(0, CliRunner.run("compare", Datasets.INVENTED, "-o", out.toString(), "-q")
        .exit());
    assertArrayEquals(first, Files.readAllBytes(out), "two runs, same bytes");
    // --threads changes the command line that the About sheet records, so compare the cells.
    String parallel = XlsxDump.dump(out);
    assertEquals(0, CliRunner.run("compare", Datasets.INVENTED, "-o", out.toString(), "-q",
        "--threads", "1").exit());
    assertEquals(parallel.replaceAll("(?m)^B3 .*$", ""),
        XlsxDump.dump(out).replaceAll("(?m)^B3 .*$", ""));
    for (String ext : List.of("json", "csv")) {
      Path target = ext.equals("csv") ? dir.resolve("csv") : dir.resolve("x.json");
      Path file = ext.equals("csv") ? target.resolve("measures.csv") : target;
      CliRunner.run("compare", Datasets.INVENTED, "-o", target.toString(), "-q", "--threads", "1");
      byte[] one = Files.readAllBytes(file);
      CliRunner.run("compare", Datasets.INVENTED, "-o", target.toString(), "-q");
      assertArrayEquals(one, Files.readAllBytes(file), ext);
    }
  }

  @Test
  void invalidDataLeavesTheOutputAsItWas() throws IOException {
    Path out = dir.resolve("c.xlsx");
    Files.writeString(out, "previous");
    CliRunner.Result r = CliRunner.run("compare", "examples/broken", "-o", out.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("error[E"), r.err());
    assertEquals("previous", Files.readString(out));
    assertEquals(List.of("c.xlsx"), listing());
  }

  @Test
  void anUnwritableTargetExitsThreeAndLeavesNothingBehind() throws IOException {
    Files.createDirectories(dir.resolve("taken.xlsx"));
    CliRunner.Result r = CliRunner.run("compare", Datasets.POLICIES, "-o", dir + "/taken.xlsx");
    assertEquals(3, r.exit());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    CliRunner.Result missing = CliRunner.run("compare", Datasets.POLICIES, "-o", dir + "/no/c.xlsx");
    assertEquals(3, missing.exit());
    assertTrue(missing.err().contains("does not exist"), missing.err());
    assertEquals(List.of("taken.xlsx"), listing());
  }

  @Test
  void dataTextIsNeverAFormula() throws IOException {
    Path data = dir.resolve("d/evil.yaml");
    Files.createDirectories(data.getParent());
    Files.writeString(data, """
        municipality: {id: GM1, name: "=HYPERLINK(\\"http://x\\",\\"y\\")"}
        policies:
          - {id: m1, title: "=1+1", domain: housing, target: {groups: [refugees]},
             declared_duration: structural, sources: [{title: "@SUM(A1)", url: "javascript:x"}]}
        """);
    CliRunner.Result bad = CliRunner.run("compare", data.getParent().toString(), "-o",
        dir + "/e.xlsx");
    assertEquals(1, bad.exit(), "a javascript: URL is an error");
    Files.writeString(data, Files.readString(data).replace("javascript:x", "https://x.org/a"));
    assertEquals(0, CliRunner.run("compare", data.getParent().toString(), "-o", dir + "/e.xlsx",
        "-q").exit());
    try (InputStream in = Files.newInputStream(dir.resolve("e.xlsx"));
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      Row row = wb.getSheet("Measures").getRow(1);
      assertEquals(CellType.STRING, row.getCell(1).getCellType());
      assertEquals("=HYPERLINK(\"http://x\",\"y\")", row.getCell(1).getStringCellValue());
      assertEquals(CellType.STRING, row.getCell(3).getCellType());
      assertEquals("=1+1", row.getCell(3).getStringCellValue());
    }
    assertEquals(0, CliRunner.run("compare", data.getParent().toString(), "-o", dir + "/csv",
        "-q").exit());
    String guarded = Files.readString(dir.resolve("csv/measures.csv"));
    assertTrue(guarded.startsWith("\uFEFF"));
    assertTrue(guarded.contains("'=1+1"), guarded);
    assertEquals(0, CliRunner.run("compare", data.getParent().toString(), "-o", dir + "/raw",
        "--raw-csv", "-q").exit());
    String raw = Files.readString(dir.resolve("raw/measures.csv"));
    assertFalse(raw.startsWith("\uFEFF"));
    assertTrue(raw.contains(",=1+1,"), raw);
  }

  private static String format(String out, String format) {
    return OutputTarget.resolve(Path.of(out), format, CompareJob.FORMATS).format();
  }

  @Test
  void formatFollowsTheOutputName() {
    assertEquals("xlsx", format("a/B.XLSX", null));
    assertEquals("json", format("a.json", null));
    assertEquals("csv", format("out/", null));
    assertEquals("csv", format("out", null));
    assertEquals("json", format("a.json", "JSON"));
    assertEquals("html", format("report.html", null));
    assertEquals("html", format("report.htm", "HTML"));
    assertEquals(2, CliRunner.run("compare", Datasets.POLICIES, "-o", dir + "/x.csv").exit());
    assertEquals(2, CliRunner.run("compare", Datasets.POLICIES, "-o", dir + "/x", "--format", "pdf")
        .exit());
    assertEquals(2, CliRunner.run("compare", Datasets.POLICIES, "-o", dir + "/x.xlsx", "--group-by",
        "colour").exit());
    assertEquals(2, CliRunner.run("compare", Datasets.POLICIES).exit(), "-o is required");
  }

  @Test
  void groupByAddsTypologyRows() throws IOException {
    assertEquals(0, CliRunner.run("compare", Datasets.INVENTED, "-o", dir + "/c.json",
        "--group-by", "country", "-q").exit());
    JsonNode typology = JsonMapper.builder().build().readTree(dir.resolve("c.json").toFile())
        .get("typology");
    assertEquals("all", typology.get(0).get("group").asString());
    assertTrue(typology.size() > 2, typology.toString());
    long sum = 0;
    for (int i = 1; i < typology.size(); i++) {
      assertEquals("country", typology.get(i).get("group_by").asString());
      sum += typology.get(i).get("municipalities").asLong();
    }
    assertEquals(typology.get(0).get("municipalities").asLong(), sum);
  }

  private List<String> listing() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
