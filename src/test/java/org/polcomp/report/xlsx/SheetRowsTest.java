package org.polcomp.report.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.junit.jupiter.api.Test;
import org.polcomp.report.Cells;
import org.polcomp.report.Column;
import org.polcomp.report.ColumnType;
import org.polcomp.report.Table;

/** SheetRows writes the bytes POI's streaming sheet writer writes for the same cells. */
class SheetRowsTest {
  private static final List<Column> COLUMNS = List.of(new Column("text", ColumnType.TEXT),
      new Column("count", ColumnType.INTEGER), new Column("score", ColumnType.NUMBER),
      new Column("share", ColumnType.SHARE), new Column("agrees", ColumnType.BOOLEAN),
      new Column("source_url", ColumnType.URL), new Column("start", ColumnType.DATE_TEXT));
  // text that POI writes as it is, and text that it escapes or replaces
  private static final List<String> TEXTS = List.of("plain text", "Taalcafé 𝄞 ✓ ö",
      " leading", "trailing\t", "a < b > c & d \"q\"", "line\nbreak\r\n", "nbsp\u00A0here",
      "bell\u0007", "not a char \uFFFE\uFFFF", "lone \uD800 surrogate", "=1+1", "",
      "x".repeat(70_000));

  private static List<List<Object>> rows() {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < TEXTS.size(); i++) {
      rows.add(Arrays.asList(TEXTS.get(i), (long) i - 3, i * 0.1 - 1e-7, i / 13.0, i % 2 == 0,
          i % 3 == 0 ? "https://example.org/a?b=" + i + "&c" : i % 3 == 1 ? "ftp://x" : null,
          i == 4 ? null : "2016-0" + (i % 9 + 1)));
    }
    rows.add(Arrays.asList(null, null, Double.NaN, Double.POSITIVE_INFINITY, null, null, null));
    return rows;
  }

  @Test
  void rowsAreTheBytesPoiWrites() throws IOException {
    Table table = new Table("t", "T", COLUMNS, rows());
    try (SXSSFWorkbook wb = new SXSSFWorkbook(-1); Hyperlinks links = new Hyperlinks()) {
      CellStyle percent = wb.createCellStyle();
      CellStyle link = wb.createCellStyle();
      CellStyle integer = wb.createCellStyle();
      SXSSFSheet sheet = wb.createSheet("s");
      // POI: the cells TableSheets used to make, written by POI's sheet writer
      StringWriter poi = new StringWriter();
      SheetDataWriter writer = new SheetDataWriter(poi);
      List<List<Object>> rows = rows();
      for (int i = 0; i < rows.size(); i++) {
        SXSSFRow row = sheet.createRow(i + 1);
        List<Object> r = rows.get(i);
        for (int k = 0; k < COLUMNS.size(); k++) {
          Object v = Cells.value(table, i, r, k); // as TableSheets did: NaN is empty
          if (v == null) {
            continue;
          }
          Cell cell = row.createCell(k);
          switch (COLUMNS.get(k).type()) {
            case INTEGER -> {
              cell.setCellValue(((Long) v).doubleValue());
              cell.setCellStyle(integer);
            }
            case NUMBER -> cell.setCellValue((Double) v);
            case SHARE -> {
              cell.setCellValue((Double) v);
              cell.setCellStyle(percent);
            }
            case BOOLEAN -> cell.setCellValue((Boolean) v);
            case URL -> {
              cell.setCellValue((String) v);
              if (Hyperlinks.isWebLink((String) v)) {
                cell.setCellStyle(link);
              }
            }
            default -> cell.setCellValue(TableSheets.clip((String) v));
          }
        }
        writer.writeRow(i + 1, row);
      }
      writer.close();

      ByteArrayOutputStream ours = new ByteArrayOutputStream();
      new SheetRows("xl/worksheets/sheet1.xml", table, 0, rows.size(), COLUMNS,
          new int[] {0, 1, 2, 3, 4, 5, 6},
          new int[] {0, integer.getIndex(), 0, percent.getIndex(), 0, 0, 0}, link.getIndex())
          .write(ours, links);
      // as POI's file writer encodes it: UTF-8, a lone surrogate becomes '?'
      String expected = new String(poi.toString().getBytes(StandardCharsets.UTF_8),
          StandardCharsets.UTF_8);
      assertEquals(expected, ours.toString(StandardCharsets.UTF_8));
      // the comparison saw the cases it is about
      assertTrue(expected.contains("&lt;") && expected.contains("xml:space=\"preserve\"")
          && expected.contains("<row r=\"15\">\n</row>") && expected.contains(" s=\"" + link.getIndex() + "\"")
          && expected.contains("<c r=\"B2\" s=\"" + integer.getIndex() + "\""),
          expected.substring(0, 2000));
      // the five https addresses got links, the ftp one did not
      String spooled = java.nio.file.Files.readString(links.sheet("xl/worksheets/sheet1.xml").links);
      assertEquals(5, spooled.split("<hyperlink ", -1).length - 1, spooled);
    }
  }

  @Test
  void aSheetStartsAtItsOffsetInTheTable() throws IOException {
    List<List<Object>> rows = rows();
    Table table = new Table("t", "T", COLUMNS, rows);
    try (Hyperlinks links = new Hyperlinks()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new SheetRows("p", table, 10, 3, COLUMNS, new int[] {0, 1, 2, 3, 4, 5, 6},
          new int[7], 2)
          .write(out, links);
      String xml = out.toString(StandardCharsets.UTF_8);
      // rows 11 to 13 of the table become sheet rows 2 to 4
      assertTrue(xml.startsWith("<row r=\"2\">\n<c r=\"A2\" t=\"inlineStr\"><is><t>=1+1</t>"),
          xml.substring(0, 80));
      assertEquals(3, xml.split("</row>", -1).length - 1);
    }
  }

  @Test
  void numbersAreWrittenAsDoubleToStringWritesThem() throws IOException {
    List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1.0, -1.0, 9_999_999.0,
        -9_999_999.0, 10_000_000.0, -10_000_000.0, 1e15, 0.5, 1e-3, 9.999e-4, 2.0 / 3,
        (double) Long.MAX_VALUE, (double) Long.MIN_VALUE, Double.MIN_VALUE, Double.MAX_VALUE,
        123_456.0, 100.0, 1e6));
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 20_000; i++) {
      values.add((double) (random.nextInt(40_000_000) - 20_000_000));
      values.add(random.nextInt(2_000) / 8.0);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SheetRows.Xml x = new SheetRows.Xml(bytes);
    StringBuilder expected = new StringBuilder();
    for (double v : values) {
      x.number(v).ascii(" ");
      expected.append(Double.toString(v)).append(' ');
    }
    x.flush();
    assertEquals(expected.toString(), bytes.toString(StandardCharsets.US_ASCII));
  }

  @Test
  void randomTextIsWrittenAsPoiWritesIt() throws IOException {
    // runs of plain characters between escapes, non-ASCII and surrogates, some texts longer
    // than the writer's buffer, so that runs cross its ends
    String alphabet = "abcXYZ 019<>&\"'\n\r\t\u0001\u007F\u00A0\u00E9\u20AC\uD83D\uDE00\uD800"
        + "\uDC00\uFFFE\uFFFF\uFFFD";
    java.util.Random random = new java.util.Random(11);
    List<Column> columns = List.of(new Column("text", ColumnType.TEXT));
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      int length = random.nextInt(10) == 0 ? 30_000 + random.nextInt(50_000) : random.nextInt(40);
      StringBuilder b = new StringBuilder();
      while (b.length() < length) {
        // mostly plain runs, as real text is
        if (random.nextInt(4) == 0) {
          b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        } else {
          b.append("plain text ".repeat(3), 0, 1 + random.nextInt(30));
        }
      }
      rows.add(Arrays.asList((Object) b.toString()));
    }
    Table table = new Table("t", "T", columns, rows);
    try (SXSSFWorkbook wb = new SXSSFWorkbook(-1); Hyperlinks links = new Hyperlinks()) {
      SXSSFSheet sheet = wb.createSheet("s");
      StringWriter poi = new StringWriter();
      SheetDataWriter writer = new SheetDataWriter(poi);
      for (int i = 0; i < rows.size(); i++) {
        SXSSFRow row = sheet.createRow(i + 1);
        row.createCell(0).setCellValue(TableSheets.clip((String) rows.get(i).get(0)));
        writer.writeRow(i + 1, row);
      }
      writer.close();
      ByteArrayOutputStream ours = new ByteArrayOutputStream();
      new SheetRows("xl/worksheets/sheet1.xml", table, 0, rows.size(), columns, new int[] {0},
          new int[] {0}, 0).write(ours, links);
      String expected = new String(poi.toString().getBytes(StandardCharsets.UTF_8),
          StandardCharsets.UTF_8);
      assertEquals(expected, ours.toString(StandardCharsets.UTF_8));
    }
  }
}
