package org.polcomp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polcomp.report.xlsx.XlsxWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The three formats show the same tables, columns and values. */
class SameValuesTest {
  @TempDir Path dir;

  /** A value as comparable text: numbers in {@link Cells#number}, empty as null. */
  private static String canonical(ColumnType type, String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    return switch (type) {
      case INTEGER, NUMBER, SHARE -> Cells.number(Double.parseDouble(text));
      default -> text;
    };
  }

  private static List<List<String>> expected(Table t) {
    List<List<String>> rows = new ArrayList<>();
    long n = 0;
    for (List<Object> row : t.rows()) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < t.columns().size(); i++) {
        ColumnType type = t.columns().get(i).type();
        if (type.tabular()) {
          Object v = Cells.value(t, n, row, i);
          out.add(v == null ? null : canonical(type, v instanceof String s ? s
              : v instanceof Boolean b ? b.toString() : Cells.number(v)));
        }
      }
      rows.add(out);
      n++;
    }
    return rows;
  }

  @Test
  void csvJsonAndXlsxCarryTheSameValues() throws IOException {
    Report report = Sample.report(23);
    new CsvWriter(true).write(report, dir);
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    new JsonWriter().write(report, json);
    JsonNode root = JsonMapper.builder().build().readTree(json.toByteArray());
    ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
    new XlsxWriter().write(report, xlsx);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
      for (Table t : report.tables()) {
        List<Column> shown = t.columns().stream().filter(c -> c.type().tabular()).toList();
        List<List<String>> want = expected(t);

        List<CSVRecord> csv = CSVFormat.RFC4180.parse(new StringReader(Files.readString(
            dir.resolve(t.key() + ".csv"), StandardCharsets.UTF_8))).getRecords();
        assertEquals(shown.stream().map(Column::key).toList(), csv.get(0).toList(), t.key());
        List<List<String>> fromCsv = new ArrayList<>();
        for (CSVRecord r : csv.subList(1, csv.size())) {
          List<String> row = new ArrayList<>();
          for (int k = 0; k < shown.size(); k++) {
            row.add(canonical(shown.get(k).type(), r.get(k)));
          }
          fromCsv.add(row);
        }
        assertEquals(want, fromCsv, "csv " + t.key());

        List<List<String>> fromJson = new ArrayList<>();
        for (JsonNode r : root.get(t.key())) {
          List<String> row = new ArrayList<>();
          for (Column c : shown) {
            JsonNode v = r.get(c.key());
            row.add(v.isNull() ? null : canonical(c.type(), v.isString() ? v.asString()
                : v.toString()));
          }
          fromJson.add(row);
        }
        assertEquals(want, fromJson, "json " + t.key());

        XSSFSheet sheet = wb.getSheet(t.sheet());
        List<String> header = new ArrayList<>();
        sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
        assertEquals(shown.stream().map(Column::header).toList(), header);
        List<List<String>> fromXlsx = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
          fromXlsx.add(cells(sheet.getRow(r), shown));
        }
        assertEquals(want, fromXlsx, "xlsx " + t.key());
      }
    }
  }

  private static List<String> cells(Row row, List<Column> shown) {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < shown.size(); k++) {
      Cell c = row.getCell(k);
      if (c == null) {
        out.add(null);
        continue;
      }
      out.add(switch (c.getCellType()) {
        case NUMERIC -> Cells.number(c.getNumericCellValue());
        case BOOLEAN -> Boolean.toString(c.getBooleanCellValue());
        default -> canonical(shown.get(k).type(), c.getStringCellValue());
      });
    }
    return out;
  }
}
