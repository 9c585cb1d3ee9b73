package org.polcomp.report.xlsx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.ConditionType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFShape;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFTableColumn;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBubbleChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBubbleSer;
import org.polcomp.report.Column;
import org.polcomp.report.ColumnType;
import org.polcomp.report.Columns;
import org.polcomp.report.Report;
import org.polcomp.report.Sample;
import org.polcomp.report.Table;
import org.polcomp.report.TableSchema;

class XlsxWriterTest {
  static byte[] bytes(Report report, XlsxWriter writer) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(report, out);
    return out.toByteArray();
  }

  static XSSFWorkbook read(byte[] bytes) throws IOException {
    return new XSSFWorkbook(new ByteArrayInputStream(bytes));
  }

  static XSSFWorkbook write(Report report) throws IOException {
    return read(bytes(report, new XlsxWriter()));
  }

  private static List<String> sheetNames(XSSFWorkbook wb) {
    List<String> names = new ArrayList<>();
    wb.forEach(s -> names.add(s.getSheetName()));
    return names;
  }

  private static int col(TableSchema schema, String key) {
    // sheet columns are the tabular ones; EXTENSIONS is last, so indexes agree
    return schema.indexOf(key);
  }

  @Test
  void sheetsInTheOrderOfTheSpec() throws IOException {
    try (XSSFWorkbook wb = write(Sample.report(5))) {
      assertEquals(List.of("Overview", "Summary", "Measures", "Domains", "Typology", "Timeline",
          "Agreement", "Issues", "Codebook", "About"), sheetNames(wb));
      assertEquals(0, wb.getActiveSheetIndex(), "the Overview is what opens");
    }
  }

  @Test
  void everySheetHasABoldFrozenHeaderAndANamedTableWithFilter() throws IOException {
    Report report = Sample.report(5);
    try (XSSFWorkbook wb = write(report)) {
      List<Table> tables = new ArrayList<>(report.tables());
      tables.add(report.codebook());
      tables.add(report.aboutTable());
      Set<String> tableNames = new HashSet<>();
      for (Table t : tables) {
        XSSFSheet sheet = wb.getSheet(t.sheet());
        List<String> headers = t.columns().stream().filter(c -> c.type().tabular())
            .map(Column::header).toList();
        Row header = sheet.getRow(0);
        assertEquals(headers.size(), header.getLastCellNum(), t.sheet());
        for (int k = 0; k < headers.size(); k++) {
          XSSFCell cell = (XSSFCell) header.getCell(k);
          assertEquals(headers.get(k), cell.getStringCellValue());
          assertTrue(cell.getCellStyle().getFont().getBold(), t.sheet() + " header bold");
        }
        assertTrue(sheet.getPaneInformation().isFreezePane(), t.sheet());
        assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition(), t.sheet());
        // the Summary keeps its id and name columns in view
        assertEquals(t.sheet().equals("Summary") ? 2 : 0,
            sheet.getPaneInformation().getVerticalSplitPosition(), t.sheet());
        assertTrue(sheet.getPrintSetup().getLandscape(), t.sheet());
        assertEquals(1, sheet.getPrintSetup().getFitWidth(), t.sheet());
        assertEquals(0, sheet.getPrintSetup().getFitHeight(), t.sheet());
        assertTrue(sheet.getFitToPage(), t.sheet());
        assertEquals("1:1", sheet.getRepeatingRows().formatAsString(), t.sheet());
        assertEquals(Printing.FOOTER, sheet.getFooter().getCenter(), t.sheet());

        assertEquals(1, sheet.getTables().size(), t.sheet());
        XSSFTable table = sheet.getTables().get(0);
        assertEquals(t.sheet(), table.getName());
        assertEquals(t.sheet(), table.getDisplayName());
        assertTrue(tableNames.add(table.getName()));
        List<String> names = table.getColumns().stream().map(XSSFTableColumn::getName).toList();
        assertEquals(headers, names, "table column names are the header cells");
        String ref = table.getCTTable().getRef();
        assertTrue(ref.startsWith("A1:"), ref);
        assertEquals(ref, table.getCTTable().getAutoFilter().getRef());
        int lastRow = Math.max(1, sheet.getLastRowNum());
        assertEquals(lastRow, table.getEndCellReference().getRow(), t.sheet());
        assertEquals(headers.size() - 1, table.getEndCellReference().getCol(), t.sheet());
        for (int k = 0; k < headers.size(); k++) {
          int width = sheet.getColumnWidth(k) / 256;
          assertTrue(width >= 6 && width <= 60, t.sheet() + " width " + width);
        }
      }
    }
  }

  @Test
  void cellsHaveTheTypeOfTheirColumn() throws IOException {
    try (XSSFWorkbook wb = write(Sample.report(5))) {
      XSSFSheet summary = wb.getSheet("Summary");
      Row ams = summary.getRow(1);
      TableSchema s = Columns.MUNICIPALITIES;
      assertEquals(CellType.STRING, ams.getCell(col(s, "municipality")).getCellType());
      assertEquals(CellType.NUMERIC, ams.getCell(col(s, "population")).getCellType());
      assertEquals(921402.0, ams.getCell(col(s, "population")).getNumericCellValue());
      assertEquals(CellType.STRING, ams.getCell(col(s, "as_of")).getCellType());
      Cell share = ams.getCell(col(s, "mainstreaming_share"));
      assertEquals(CellType.NUMERIC, share.getCellType());
      assertEquals(0.7, share.getNumericCellValue());
      assertEquals("0%", share.getCellStyle().getDataFormatString());
      assertEquals(CellType.NUMERIC, ams.getCell(col(s, "budget_eur")).getCellType());
      assertEquals("\u20AC #,##0",
          ams.getCell(col(s, "budget_eur")).getCellStyle().getDataFormatString());
      assertEquals("#,##0", ams.getCell(col(s, "population")).getCellStyle()
          .getDataFormatString());
      assertEquals("0", ams.getCell(col(s, "measures")).getCellStyle().getDataFormatString());
      // headers sit over their values: numbers right, text left
      Row header = summary.getRow(0);
      assertEquals(HorizontalAlignment.RIGHT,
          header.getCell(col(s, "population")).getCellStyle().getAlignment());
      assertEquals(HorizontalAlignment.GENERAL,
          header.getCell(col(s, "municipality")).getCellStyle().getAlignment());
      assertNull(ams.getCell(col(s, "region")), "empty value, no cell");
      assertNull(summary.getRow(3).getCell(col(s, "mainstreaming_share")));

      Row m0 = wb.getSheet("Measures").getRow(1);
      TableSchema m = Columns.MEASURES;
      assertEquals(CellType.BOOLEAN, m0.getCell(col(m, "coding_agrees")).getCellType());
      assertFalse(m0.getCell(col(m, "coding_agrees")).getBooleanCellValue());
      assertEquals(-8.0, m0.getCell(col(m, "duration_score")).getNumericCellValue());
      assertEquals("open", m0.getCell(col(m, "end")).getStringCellValue());
      assertEquals(Columns.MEASURES.columns().size() - 2, m0.getSheet().getRow(0).getLastCellNum(),
          "no JSON-only column (extensions, codings)");
      Row agreement = wb.getSheet("Agreement").getRow(1);
      assertEquals("0%", agreement.getCell(col(Columns.AGREEMENT, "observed_agreement"))
          .getCellStyle().getDataFormatString());
    }
  }

  @Test
  void textThatLooksLikeAFormulaStaysText() throws IOException {
    try (XSSFWorkbook wb = write(Sample.report(5))) {
      assertEquals("=1+1", wb.getSheet("Summary").getRow(3).getCell(1).getStringCellValue());
      Cell title = wb.getSheet("Measures").getRow(1).getCell(col(Columns.MEASURES, "title"));
      assertEquals(CellType.STRING, title.getCellType());
      assertEquals("=HYPERLINK(\"http://evil\")", title.getStringCellValue());
      assertEquals("-2", wb.getSheet("Measures").getRow(2).getCell(3).getStringCellValue());
      for (Sheet sheet : wb) {
        for (Row row : sheet) {
          for (Cell cell : row) {
            assertFalse(cell.getCellType() == CellType.FORMULA, cell.getAddress().toString());
          }
        }
      }
    }
  }

  @Test
  void onlyWebAddressesBecomeHyperlinks() throws IOException {
    try (XSSFWorkbook wb = write(Sample.report(8))) {
      XSSFSheet measures = wb.getSheet("Measures");
      int url = col(Columns.MEASURES, "source_url");
      assertEquals("https://example.org/m/0", measures.getRow(1).getCell(url).getHyperlink()
          .getAddress());
      assertEquals("https://example.org/m/4", measures.getRow(5).getCell(url).getHyperlink()
          .getAddress());
      assertEquals("ftp://example.org/m/1", measures.getRow(2).getCell(url).getStringCellValue());
      assertNull(measures.getRow(2).getCell(url).getHyperlink());
      assertNull(measures.getRow(3).getCell(url).getHyperlink(), "not a url");
      assertNull(measures.getRow(4).getCell(url));
      assertEquals(2, measures.getHyperlinkList().size());
      // a TEXT column holding a URL is text
      assertNull(wb.getSheet("Summary").getRow(1).getCell(col(Columns.MUNICIPALITIES, "file"))
          .getHyperlink());
    }
    assertTrue(Hyperlinks.isWebLink("HTTPS://example.org/a?b=c#d"));
    assertFalse(Hyperlinks.isWebLink("javascript:alert(1)"));
    assertFalse(Hyperlinks.isWebLink("file:///etc/passwd"));
    assertFalse(Hyperlinks.isWebLink("https://"));
    assertFalse(Hyperlinks.isWebLink("https://example.org/" + "a".repeat(2100)));
  }

  @Test
  void summaryHasAColourScaleOnTheSharesAndAStackedBarChart() throws IOException {
    try (XSSFWorkbook wb = write(Sample.report(5))) {
      XSSFSheet summary = wb.getSheet("Summary");
      var cf = summary.getSheetConditionalFormatting();
      long shares = Columns.MUNICIPALITIES.columns().stream()
          .filter(c -> c.type() == ColumnType.SHARE).count();
      assertEquals(shares, cf.getNumConditionalFormattings());
      for (int i = 0; i < cf.getNumConditionalFormattings(); i++) {
        ConditionalFormattingRule rule = cf.getConditionalFormattingAt(i).getRule(0);
        assertEquals(ConditionType.COLOR_SCALE, rule.getConditionType());
        assertEquals(3, rule.getColorScaleFormatting().getNumControlPoints());
      }
      assertEquals("S2:S4", cf.getConditionalFormattingAt(0).getFormattingRanges()[0]
          .formatAsString());

      List<XSSFChart> charts = summary.getDrawingPatriarch().getCharts();
      assertEquals(1, charts.size());
      List<XDDFChartData> data = charts.get(0).getChartSeries();
      XDDFBarChartData bars = assertInstanceOf(XDDFBarChartData.class, data.get(0));
      assertEquals(BarGrouping.STACKED, bars.getBarGrouping());
      assertEquals(5, bars.getSeriesCount(), "four quadrants and unclassified");
      XDDFChartData.Series first = bars.getSeries(0);
      // the chart block of the Overview, hidden columns from AA on
      assertEquals("Overview!$AA$2:$AA$4", first.getCategoryData().getDataRangeReference());
      assertEquals("Overview!$AB$2:$AB$4", first.getValuesData().getDataRangeReference());
      assertEquals(4.0, first.getValuesData().getPointAt(0).doubleValue());
      assertEquals("Unclassified", charts.get(0).getCTChart().getPlotArea().getBarChartArray(0)
          .getSerArray(4).getTx().getStrRef().getStrCache().getPtArray(0).getV());
      assertTrue(charts.get(0).getCTChart().getPlotArea().getBarChartArray(0).getOverlap()
          .xmlText().contains("val=\"100\""), "bars overlap fully");
      assertFalse(charts.get(0).isPlotOnlyVisibleCells(), "the data are in hidden columns");
    }
  }

  // a municipality with 5 measures of which 4 are classified: Rotterdam's bar was one short
  private static Report unclassified(int count) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(Sample.row(Columns.MUNICIPALITIES, "municipality_id", String.format("m%05d", i),
          "municipality", "M" + i, "measures", 5L, "mainstreamed_structural", 1L,
          "mainstreamed_temporary", 0L, "target_group_structural", 3L,
          "target_group_temporary", 0L, "mainstreaming_share", i % 7 == 0 ? null : 0.25,
          "structural_share", i % 2 == 0 ? 1.0 : 0.5, "profile", "target-group-structural"));
    }
    return new Report("1", Map.of(), List.of(), List.of(Columns.MUNICIPALITIES.with(rows),
        Columns.TYPOLOGY.with(List.of())), Columns.CODEBOOK.with(List.of()));
  }

  @Test
  void theBarsCountUnclassifiedMeasures() throws IOException {
    try (XSSFWorkbook wb = read(bytes(unclassified(3), new XlsxWriter()))) {
      XDDFBarChartData bars = (XDDFBarChartData) wb.getSheet("Summary").getDrawingPatriarch()
          .getCharts().get(0).getChartSeries().get(0);
      double length = 0;
      for (int q = 0; q < bars.getSeriesCount(); q++) {
        length += bars.getSeries(q).getValuesData().getPointAt(0).doubleValue();
      }
      assertEquals(5.0, length, "a bar is as long as the municipality's measures");
      assertEquals(1.0, bars.getSeries(4).getValuesData().getPointAt(0).doubleValue());
      XSSFSheet overview = wb.getSheet("Overview");
      assertEquals(1.0, overview.getRow(1).getCell(ChartData.NAME + 5).getNumericCellValue());
      assertTrue(overview.isColumnHidden(ChartData.NAME));
    }
  }

  private static CTBubbleChart bubbles(XSSFSheet sheet) {
    List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
    for (XSSFChart c : charts) {
      if (c.getCTChart().getPlotArea().sizeOfBubbleChartArray() == 1) {
        return c.getCTChart().getPlotArea().getBubbleChartArray(0);
      }
    }
    throw new AssertionError("no bubble chart on " + sheet.getSheetName());
  }

  @Test
  void typologyHasOneBubblePerPositionSizedByItsMunicipalities() throws IOException {
    try (XSSFWorkbook wb = read(bytes(unclassified(14), new XlsxWriter()))) {
      for (String sheet : List.of("Typology", "Overview")) {
        CTBubbleChart chart = bubbles(wb.getSheet(sheet));
        assertEquals(1, chart.sizeOfSerArray(), "one series, one colour");
        assertFalse(chart.getVaryColors().getVal());
        CTBubbleSer ser = chart.getSerArray(0);
        // shares (0.25, 1) and (0.25, 0.5); the two without a mainstreaming share have none
        assertEquals("Overview!$AH$2:$AH$3", ser.getXVal().getNumRef().getF());
        assertEquals("Overview!$AJ$2:$AJ$3", ser.getBubbleSize().getNumRef().getF());
        var sizes = ser.getBubbleSize().getNumRef().getNumCache();
        assertEquals(2, sizes.getPtCount().getVal());
        assertEquals(12.0, Double.parseDouble(sizes.getPtArray(0).getV())
            + Double.parseDouble(sizes.getPtArray(1).getV()), "14 less the 2 without shares");
        assertTrue(ser.getDLbls().getShowBubbleSize().getVal(), "labels say how many");
      }
    }
  }

  @Test
  void manyMunicipalitiesStillOneSeriesAndAtMostTheBarsThatCanBeRead() throws IOException {
    try (XSSFWorkbook wb = read(bytes(unclassified(250), new XlsxWriter()))) {
      XDDFBarChartData bars = (XDDFBarChartData) wb.getSheet("Summary").getDrawingPatriarch()
          .getCharts().get(0).getChartSeries().get(0);
      assertEquals("Overview!$AA$2:$AA$201", bars.getSeries(0).getCategoryData()
          .getDataRangeReference());
      assertEquals(1, bubbles(wb.getSheet("Typology")).sizeOfSerArray());
      XSSFSheet overview = wb.getSheet("Overview");
      // more than a page: the Overview prints one page wide, as many high as it takes
      assertEquals(0, overview.getPrintSetup().getFitHeight());
    }
  }

  @Test
  void theOverviewSaysWhatTheFiguresAreAndListsTheMunicipalities() throws IOException {
    try (XSSFWorkbook wb = write(Sample.report(5))) {
      XSSFSheet o = wb.getSheet("Overview");
      List<String> text = new ArrayList<>();
      for (Row row : o) {
        for (Cell c : row) {
          if (c.getColumnIndex() < ChartData.NAME && c.getCellType() == CellType.STRING) {
            text.add(c.getStringCellValue());
          }
        }
      }
      String all = String.join("\n", text);
      assertTrue(all.contains("Dataset: the files given (3 files)"), all);
      assertTrue(all.contains("3 municipalities, 5 measures: 5 mainstreamed structural;"), all);
      assertTrue(all.contains("the latest as-of date"), all);
      assertTrue(all.contains("generated without timestamp"), all);
      assertTrue(all.contains("Mainstreamed: "), all);
      assertTrue(all.contains("Profile: "), all);
      assertTrue(all.contains("1 warning"), all);
      int header = text.indexOf("Municipality");
      assertTrue(header > 0, all);
      assertEquals(List.of("Municipality", "Measures", "Profile", "Mainstreaming share",
          "Structural share", "Amsterdam"), text.subList(header, header + 6));
      assertTrue(o.getPrintSetup().getLandscape());
      assertEquals(1, o.getPrintSetup().getFitHeight(), "one page for a few municipalities");
      assertEquals(2, o.getDrawingPatriarch().getCharts().size(), "both charts in view");
      // the charts start in the first row, right of the table
      for (XSSFShape shape : o.getDrawingPatriarch().getShapes()) {
        XSSFClientAnchor anchor = (XSSFClientAnchor) shape.getAnchor();
        assertTrue(anchor.getCol1() <= 6, "col " + anchor.getCol1());
      }
    }
  }

  @Test
  void longTablesContinueOnNumberedSheets() throws IOException {
    try (XSSFWorkbook wb = read(bytes(Sample.report(25), new XlsxWriter(10)))) {
      assertEquals(List.of("Overview", "Summary", "Measures", "Measures 2", "Measures 3", "Domains",
          "Typology", "Timeline", "Agreement", "Issues", "Codebook", "About"), sheetNames(wb));
      int id = col(Columns.MEASURES, "measure_id");
      int[] expectedRows = {9, 9, 7};
      String[] sheets = {"Measures", "Measures 2", "Measures 3"};
      int next = 0;
      for (int p = 0; p < 3; p++) {
        XSSFSheet sheet = wb.getSheet(sheets[p]);
        assertEquals("Municipality id", sheet.getRow(0).getCell(0).getStringCellValue());
        assertEquals(expectedRows[p], sheet.getLastRowNum());
        for (int r = 1; r <= expectedRows[p]; r++) {
          assertEquals("m" + next++, sheet.getRow(r).getCell(id).getStringCellValue());
        }
        assertEquals(p == 0 ? "Measures" : "Measures_" + (p + 1),
            sheet.getTables().get(0).getName());
        assertTrue(sheet.getPaneInformation().isFreezePane());
      }
      assertEquals(25, next);
    }
  }

  @Test
  void aTableFillingTheLastSheetExactlyMakesNoEmptySheet() throws IOException {
    try (XSSFWorkbook wb = read(bytes(Sample.report(18), new XlsxWriter(10)))) {
      assertNotNull(wb.getSheet("Measures 2"));
      assertNull(wb.getSheet("Measures 3"));
    }
  }

  @Test
  void emptyTablesGetAnEmptyRowInTheirExcelTable() throws IOException {
    Report r = new Report("1", Map.of(), List.of(), List.of(Columns.ISSUES.with(List.of())),
        Columns.CODEBOOK.with(List.of()));
    try (XSSFWorkbook wb = read(bytes(r, new XlsxWriter()))) {
      XSSFTable t = wb.getSheet("Issues").getTables().get(0);
      assertEquals("A1:F2", t.getCTTable().getRef());
      assertEquals(0, wb.getSheet("Issues").getLastRowNum());
    }
  }

  @Test
  void aReportWithoutRowsHasEverySheetAndNoCharts() throws IOException {
    List<Table> tables = Columns.TABLES.stream().map(t -> t.with(List.of())).toList();
    Report r = new Report("1", Map.of(), List.of(), tables, Columns.CODEBOOK.with(List.of()));
    try (XSSFWorkbook wb = read(bytes(r, new XlsxWriter()))) {
      // Overview, the tables, Codebook, About
      assertEquals(Columns.TABLES.size() + 3, wb.getNumberOfSheets());
      assertEquals(0, wb.getSheet("Overview").getDrawingPatriarch() == null ? 0
          : wb.getSheet("Overview").getDrawingPatriarch().getCharts().size());
      assertNull(wb.getSheet("Summary").getDrawingPatriarch());
      assertNull(wb.getSheet("Panel").getDrawingPatriarch());
      assertEquals(0, wb.getSheet("Summary").getSheetConditionalFormatting()
          .getNumConditionalFormattings());
    }
  }

  @Test
  void codebookAndAboutSheets() throws IOException {
    try (XSSFWorkbook wb = write(Sample.report(1))) {
      XSSFSheet codebook = wb.getSheet("Codebook");
      assertEquals("Rule", codebook.getRow(0).getCell(0).getStringCellValue());
      assertEquals("living-lab", codebook.getRow(1).getCell(1).getStringCellValue());
      assertEquals(-2.0, codebook.getRow(1).getCell(2).getNumericCellValue());
      XSSFSheet about = wb.getSheet("About");
      List<String> lines = new ArrayList<>();
      for (int r = 1; r <= about.getLastRowNum(); r++) {
        Cell value = about.getRow(r).getCell(1);
        lines.add(about.getRow(r).getCell(0).getStringCellValue() + "="
            + (value == null ? "" : value.getStringCellValue()));
      }
      assertEquals(List.of("polcomp=0.1.0-test",
          "command=polcomp compare policies -o out.xlsx", "files=3",
          "sha256=0f343b0931126a20f133d67c2b018a3b", "as_of=", "group_by=country",
          "codebook=default", "prefer_coded=false"), lines);
    }
  }

  @Test
  void overlongTextIsClippedToWhatExcelHolds() throws IOException {
    String huge = "x".repeat(40_000);
    Table t = Columns.ISSUES.with(List.of(Sample.row(Columns.ISSUES, "message", huge)));
    Report r = new Report("1", Map.of(), List.of(), List.of(t), Columns.CODEBOOK.with(List.of()));
    try (XSSFWorkbook wb = read(bytes(r, new XlsxWriter()))) {
      String text = wb.getSheet("Issues").getRow(1).getCell(5).getStringCellValue();
      assertEquals(32_767, text.length());
      assertTrue(text.endsWith("\u2026"));
    }
  }

  @Test
  void sameBytesInEveryTimeZone() throws IOException {
    TimeZone saved = TimeZone.getDefault();
    byte[] here = bytes(Sample.report(3), new XlsxWriter());
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
      assertArrayEquals(here, bytes(Sample.report(3), new XlsxWriter()));
      TimeZone.setDefault(TimeZone.getTimeZone("America/Adak"));
      assertArrayEquals(here, bytes(Sample.report(3), new XlsxWriter()));
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  @Test
  void hyperlinksGoBeforeTheElementsThatFollowThemInTheSchema() {
    String tail = "<conditionalFormatting sqref=\"S2:S4\"><cfRule type=\"expression\">"
        + "<formula>A1&gt;0</formula><extLst><ext uri=\"x>y\"/></extLst></cfRule>"
        + "</conditionalFormatting><dataValidations count=\"0\"/>"
        + "<pageMargins bottom=\"0.75\"/><drawing r:id=\"rId2\"/></worksheet>";
    assertEquals(tail.indexOf("<pageMargins"), Repack.insertionPoint(tail, "t"));
    assertEquals(0, Repack.insertionPoint("</worksheet>", "t"));
    assertEquals(0, Repack.insertionPoint("<tableParts count=\"1\"/></worksheet>", "t"));
    assertEquals(29, Repack.insertionPoint("<mergeCells><a/></mergeCells></worksheet>", "t"));
  }

  @Test
  void sameReportSameBytesWithoutDates() throws IOException {
    byte[] a = bytes(Sample.report(30), new XlsxWriter());
    byte[] b = bytes(Sample.report(30), new XlsxWriter());
    assertArrayEquals(a, b);
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(a))) {
      Set<Long> times = new HashSet<>();
      int entries = 0;
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        byte[] content = zip.readAllBytes(); // a streaming reader can read every entry
        times.add(e.getTime());
        if (e.getName().equals("xl/styles.xml")) {
          // the named style every Excel workbook has; openpyxl warns without it
          assertTrue(new String(content, StandardCharsets.UTF_8)
              .contains("<cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/>"));
        }
        entries++;
      }
      assertTrue(entries > 20);
      assertEquals(1, times.size(), "one fixed time for every entry");
      assertTrue(times.iterator().next() < 366L * 24 * 3600 * 1000 * 12, "not the clock");
    }
    try (XSSFWorkbook wb = read(a)) {
      var core = wb.getProperties().getCoreProperties();
      assertNull(core.getCreated());
      assertNull(core.getModified());
      assertEquals("polcomp 0.1.0-test", core.getCreator());
    }
  }
}
