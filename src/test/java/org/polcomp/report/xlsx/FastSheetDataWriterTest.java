package org.polcomp.report.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.junit.jupiter.api.Test;

class FastSheetDataWriterTest {
  // text that POI writes as it is, and text that it escapes or replaces
  private static final List<String> TEXTS = List.of("", "plain text", "Taalcafé 𝄞 ✓",
      " leading", "trailing\t", "a < b > c & d \"q\"", "line\nbreak\r\n", "nbsp\u00A0here",
      "bell\u0007", "not a char \uFFFE\uFFFF", "=1+1", "'quoted'", "x".repeat(5000));

  private static String write(SheetDataWriter writer, StringWriter out, SXSSFSheet sheet)
      throws IOException {
    for (int r = 0; r < 3; r++) {
      writer.writeRow(r * 1000 + 7, sheet.getRow(r));
    }
    writer.close();
    return out.toString();
  }

  @Test
  void writesTheSameBytesAsPoi() throws IOException {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(-1)) {
      SXSSFSheet sheet = wb.createSheet("s");
      CellStyle percent = wb.createCellStyle();
      percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
      SXSSFRow texts = sheet.createRow(0);
      for (int i = 0; i < TEXTS.size(); i++) {
        texts.createCell(i).setCellValue(TEXTS.get(i));
      }
      texts.getCell(2).setCellStyle(percent);
      SXSSFRow numbers = sheet.createRow(1);
      numbers.createCell(0).setCellValue(0.333);
      numbers.createCell(1).setCellValue(-2.0);
      numbers.createCell(2).setCellValue(1e21);
      numbers.createCell(3).setCellStyle(percent); // blank with a style
      numbers.createCell(30).setCellValue(true);
      numbers.createCell(200).setCellValue(false); // past the cached column letters
      SXSSFRow formulas = sheet.createRow(2);
      formulas.createCell(0).setCellFormula("1+1");
      formulas.createCell(27).setCellValue(Double.NaN);

      StringWriter poi = new StringWriter();
      StringWriter fast = new StringWriter();
      String expected = write(new SheetDataWriter(poi), poi, sheet);
      String actual = write(new FastSheetDataWriter(fast), fast, sheet);
      assertEquals(expected, actual);
      // the comparison saw the cases it is about
      assertTrue(expected.contains("&lt;") && expected.contains("xml:space=\"preserve\"")
          && expected.contains("GS1008") && expected.contains("<f>"), expected);
    }
  }

  @Test
  void plainIsTrueExactlyWhenNothingNeedsEscaping() {
    assertTrue(FastSheetDataWriter.plain("Plan Einstein, Utrecht (2016–2018) 𝄞"));
    for (String s : List.of("<", ">", "&", "\"", "\n", "\t", "\u0000", "\u00A0", "\uFFFE",
        "\uFFFF")) {
      assertFalse(FastSheetDataWriter.plain("a" + s + "b"), s);
    }
  }
}
