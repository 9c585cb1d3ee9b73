package org.polcomp.report.sheets;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Workbooks for tests, cell by cell: text, numbers, booleans, real dates and formulas. */
public final class Workbooks {
  private Workbooks() {}

  /** A formula cell; its cached value is computed before the workbook is saved. */
  public record Formula(String formula) {}

  /**
   * A valid workbook's sheets: one municipality with one measure and its source, and the Funding
   * and Codings sheets empty but for their header row, as the template writes them.
   */
  public static Map<String, List<List<Object>>> valid() {
    Map<String, List<List<Object>>> s = new LinkedHashMap<>();
    s.put("Municipalities", rows(List.of("id", "name"), List.of("GM1", "Een")));
    s.put("Measures", rows(List.of("municipality_id", "id", "title", "domain", "groups",
        "declared_duration"), List.of("GM1", "m1", "T", "housing", "refugees", "structural")));
    s.put("Funding", rows(List.of("municipality_id", "measure_id", "source")));
    s.put("Sources", rows(List.of("municipality_id", "measure_id", "title"),
        List.of("GM1", "m1", "S")));
    s.put("Codings", rows(List.of("municipality_id", "measure_id", "coder", "targeting")));
    return s;
  }

  @SafeVarargs
  static List<List<Object>> rows(List<Object>... rows) {
    List<List<Object>> out = new ArrayList<>();
    for (List<Object> r : rows) {
      out.add(new ArrayList<>(r));
    }
    return out;
  }

  /** Sets row {@code row} (0 is the header), column {@code col} (0-based) of a sheet. */
  public static void set(Map<String, List<List<Object>>> sheets, String sheet, int row, int col,
      Object value) {
    List<List<Object>> rows = sheets.get(sheet);
    while (rows.size() <= row) {
      rows.add(new ArrayList<>());
    }
    List<Object> r = rows.get(row);
    while (r.size() <= col) {
      r.add(null);
    }
    r.set(col, value);
  }

  /** Writes the sheets to {@code p}; {@code merge} names ranges to merge, as "Sheet!A2:A3". */
  public static Path write(Path p, Map<String, List<List<Object>>> sheets, String... merge)
      throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
      for (Map.Entry<String, List<List<Object>>> e : sheets.entrySet()) {
        XSSFSheet sheet = wb.createSheet(e.getKey());
        List<List<Object>> rows = e.getValue();
        for (int r = 0; r < rows.size(); r++) {
          XSSFRow row = sheet.createRow(r);
          for (int c = 0; c < rows.get(r).size(); c++) {
            Object v = rows.get(r).get(c);
            if (v == null) {
              continue;
            }
            XSSFCell cell = row.createCell(c);
            if (v instanceof Number n) {
              cell.setCellValue(n.doubleValue());
            } else if (v instanceof Boolean b) {
              cell.setCellValue(b);
            } else if (v instanceof LocalDate d) {
              cell.setCellValue(d);
              cell.setCellStyle(date);
            } else if (v instanceof Formula f) {
              cell.setCellFormula(f.formula());
            } else {
              cell.setCellValue(v.toString());
            }
          }
        }
      }
      for (String m : merge) {
        String[] parts = m.split("!");
        wb.getSheet(parts[0]).addMergedRegion(
            org.apache.poi.ss.util.CellRangeAddress.valueOf(parts[1]));
      }
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
      Files.createDirectories(p.toAbsolutePath().getParent());
      try (OutputStream out = Files.newOutputStream(p)) {
        wb.write(out);
      }
    }
    return p;
  }

  /** A row as a list, nulls allowed. */
  public static List<Object> row(Object... cells) {
    return new ArrayList<>(Arrays.asList(cells));
  }
}
