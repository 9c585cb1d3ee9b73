package org.polcomp.report.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableColumns;
import org.polcomp.report.Sample;
import org.polcomp.report.Scratch;

class TableSheetsTest {
  // The table as POI's createTable(area) makes it, then named and given its column names: what
  // TableSheets.table stands in for.
  private static XSSFTable byPoi(XSSFSheet sheet, AreaReference area, String name,
      List<String> headers) {
    XSSFTable table = sheet.createTable(area);
    table.setName(name);
    table.setDisplayName(name);
    CTTableColumns columns = table.getCTTable().getTableColumns();
    for (int k = 0; k < headers.size(); k++) {
      columns.getTableColumnArray(k).setId(k + 1L);
      columns.getTableColumnArray(k).setName(headers.get(k));
    }
    return table;
  }

  @Test
  void aTableIsTheXmlOfPoisOwn() throws IOException {
    int[][] shapes = {{1, 1}, {1, 40}, {3, 2}, {29, 18}, {60, 1_000_000}};
    try (XSSFWorkbook poi = new XSSFWorkbook(); XSSFWorkbook ours = new XSSFWorkbook()) {
      for (int i = 0; i < shapes.length; i++) {
        int columns = shapes[i][0];
        int rows = shapes[i][1];
        List<String> headers = new ArrayList<>();
        for (int k = 0; k < columns; k++) {
          headers.add(k % 3 == 0 ? "Share & <count> " + k : "Column " + (k + 1));
        }
        AreaReference area = new AreaReference(new CellReference(0, 0),
            new CellReference(rows, columns - 1), SpreadsheetVersion.EXCEL2007);
        String name = "Table_" + i;
        // two tables a sheet for some: the numbering goes on across sheets
        XSSFSheet a = i % 2 == 0 ? poi.createSheet("S" + i) : poi.getSheet("S" + (i - 1));
        XSSFSheet b = i % 2 == 0 ? ours.createSheet("S" + i) : ours.getSheet("S" + (i - 1));
        XSSFTable expected = byPoi(a, area, name, headers);
        XSSFTable actual = TableSheets.table(b, area, name, headers);
        assertEquals(expected.getCTTable().xmlText(), actual.getCTTable().xmlText(), name);
        assertEquals(name, actual.getName());
        assertEquals(expected.getArea().formatAsString(), actual.getArea().formatAsString());
        assertEquals(columns, actual.getColumnCount());
        assertEquals(expected.getPackagePart().getPartName(),
            actual.getPackagePart().getPartName());
      }
    }
  }

  // The workbook's close reverts POI's package rather than saving it again: the sheets SXSSF
  // spooled must still be gone afterwards.
  @Test
  void aWorkbookWrittenLeavesNoSpooledSheet() throws IOException {
    byte[] bytes = XlsxWriterTest.bytes(Sample.report(40), new XlsxWriter());
    assertTrue(bytes.length > 1000);
    try (XSSFWorkbook wb = XlsxWriterTest.read(bytes)) {
      assertTrue(wb.getNumberOfSheets() > 3);
    }
    Path poi = Scratch.poiFolder();
    try (Stream<Path> left = Files.list(poi)) {
      assertEquals(List.of(), left.toList());
    }
  }
}
