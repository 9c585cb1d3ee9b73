package org.polcomp.report.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polcomp.report.Sample;

/**
 * Every sheet's {@code <dimension>} covers its cells, so that readers in streaming mode, which
 * trust it, see every row: checked in the XML, and with openpyxl's read-only mode where Python
 * and openpyxl are installed.
 */
class DimensionTest {
  private static final Pattern DIMENSION = Pattern.compile("<dimension ref=\"([A-Z0-9:]+)\"");
  private static final Pattern CELL = Pattern.compile("<c r=\"([A-Z]+)([0-9]+)\"");

  // a long Measures table over three sheets, so that continuation sheets are checked too
  private static byte[] workbook() throws IOException {
    return XlsxWriterTest.bytes(Sample.report(25), new XlsxWriter(10));
  }

  @Test
  void everyDimensionIsTheRangeOfTheSheetsCells() throws IOException {
    int sheets = 0;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(workbook()))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (!e.getName().matches("xl/worksheets/sheet[0-9]+\\.xml")) {
          continue;
        }
        String xml = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        Matcher d = DIMENSION.matcher(xml);
        assertTrue(d.find(), e.getName() + " has a dimension");
        int lastRow = 0;
        int lastCol = 0;
        Matcher c = CELL.matcher(xml);
        while (c.find()) {
          lastRow = Math.max(lastRow, Integer.parseInt(c.group(2)));
          lastCol = Math.max(lastCol, CellReference.convertColStringToIndex(c.group(1)));
        }
        AreaReference area = new AreaReference(d.group(1), SpreadsheetVersion.EXCEL2007);
        assertEquals(lastRow, area.getLastCell().getRow() + 1, e.getName() + " " + d.group(1));
        assertEquals(lastCol, area.getLastCell().getCol(), e.getName() + " " + d.group(1));
        sheets++;
      }
    }
    assertEquals(12, sheets);
  }

  @Test
  void openpyxlInReadOnlyModeSeesEveryRow(@TempDir Path dir) throws IOException,
      InterruptedException {
    String python = python(dir);
    assumeTrue(python != null, "python3 with openpyxl");
    Path file = dir.resolve("w.xlsx");
    byte[] bytes = workbook();
    Files.write(file, bytes);
    Path script = dir.resolve("rows.py");
    Files.writeString(script, String.join("\n",
        "import sys, openpyxl",
        "wb = openpyxl.load_workbook(sys.argv[1], read_only=True)",
        "for ws in wb.worksheets:",
        "    rows = [r for r in ws.iter_rows(values_only=True)",
        "            if any(v is not None for v in r)]",
        "    print(ws.title + '\\t' + str(len(rows)))",
        ""), StandardCharsets.UTF_8);
    Path out = dir.resolve("out.txt");
    Process p = new ProcessBuilder(python, script.toString(), file.toString())
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "openpyxl finished");
    String seen = Files.readString(out, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), seen);
    Map<String, Integer> expected = new LinkedHashMap<>();
    try (XSSFWorkbook wb = XlsxWriterTest.read(bytes)) {
      for (int s = 0; s < wb.getNumberOfSheets(); s++) {
        XSSFSheet sheet = wb.getSheetAt(s);
        int rows = 0;
        for (var row : sheet) {
          if (row.getPhysicalNumberOfCells() > 0) {
            rows++;
          }
        }
        expected.put(sheet.getSheetName(), rows);
      }
    }
    List<String> lines = new ArrayList<>();
    expected.forEach((k, v) -> lines.add(k + "\t" + v));
    assertEquals(String.join("\n", lines), seen.strip());
    assertTrue(expected.get("Measures") > 1 && expected.get("Summary") > 1);
  }

  // The first python3 with openpyxl: the one on the PATH, else the system's, where the
  // distribution's package installs it while the PATH may lead to another (a pyenv one, say).
  private static String python(Path dir) throws InterruptedException {
    for (String p : List.of("python3", "/usr/bin/python3")) {
      if (runs(dir, p, "-c", "import openpyxl")) {
        return p;
      }
    }
    return null;
  }

  private static boolean runs(Path dir, String... command) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(dir.resolve("probe.txt").toFile()).start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false; // no python3
    }
  }
}
