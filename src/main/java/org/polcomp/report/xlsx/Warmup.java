package org.polcomp.report.xlsx;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.ConditionalFormattingThreshold.RangeType;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFBubbleChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFConditionalFormattingRule;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFSheetConditionalFormatting;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBubbleChart;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTable;

/**
 * Readies Apache POI on a spare core while the dataset is read: a run that writes a workbook
 * starts this first, and by the time its report is made, the classes of POI, XMLBeans and the
 * OOXML schemas are loaded and initialised, and Java's font metrics (which SXSSF asks for with
 * every sheet it makes) are set up. On a small dataset those are a large part of the workbook's
 * time, all of it on the one thread that writes the workbook, while the other core idles.
 *
 * <p>The workbook made here is a small one in memory with what polcomp's workbooks hold (styles,
 * a table, a frozen header, a colour scale, a bar and a bubble chart), written to nowhere: it
 * makes no file, so a run that ends before it does leaves nothing behind, and it shares no state
 * with the real workbook, so the output is the same with or without it. Anything that goes wrong
 * here is left for the real workbook to meet and report.
 */
public final class Warmup {
  private Warmup() {}

  /**
   * Starts readying POI on a thread of its own, and Java's font metrics on another, neither of
   * which keeps the JVM alive. The fonts have a thread of their own because the real workbook
   * asks for them with its first sheet, before the small workbook here would be done.
   */
  public static void start() {
    startFonts();
    Thread t = new Thread(() -> quietly(Warmup::workbook), "polcomp-xlsx-warmup");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Starts readying only Java's font metrics, on a thread that does not keep the JVM alive: for
   * a dataset large enough that readying POI would take from the readers (Stages).
   */
  public static void startFonts() {
    Thread fonts = new Thread(() -> quietly(() -> fonts()), "polcomp-xlsx-fonts");
    fonts.setDaemon(true);
    fonts.start();
  }

  /**
   * Readies POI and the font metrics on the calling thread, what {@link #start} does on two;
   * true when its workbook was made and written (a machine without fonts has none to ready).
   */
  static boolean run() {
    boolean made = quietly(Warmup::workbook);
    quietly(() -> fonts());
    return made;
  }

  // What SXSSF does with every new sheet (SheetUtil.getDefaultCharWidthAsFloat): lay out a "0"
  // in the workbook's first font, Calibri 11, the default of every workbook polcomp writes. Done
  // here without POI, whose classes the other warmup thread is setting up meanwhile.
  private static void fonts() {
    new TextLayout("0", new Font("Calibri", Font.PLAIN, 11),
        new FontRenderContext(null, true, true)).getAdvance();
  }

  private interface Step {
    void run() throws IOException;
  }

  private static boolean quietly(Step step) {
    try {
      step.run();
      return true;
    } catch (Throwable e) {
      // Whatever it is (on a machine without fonts Java's font code throws errors, not
      // exceptions, and POI itself catches Throwable there), the real workbook meets it and
      // says so, or copes: a thread that died of it would print a line of its own.
      return false;
    }
  }

  private static void workbook() throws IOException {
    XSSFWorkbook wb = new XSSFWorkbook();
    // no sheet through SXSSF: each would spool to a temporary file
    SXSSFWorkbook streaming = new SXSSFWorkbook(new XSSFWorkbook(), 100, false, false);
    try {
      streaming.setCompressTempFiles(false);
      Styles styles = new Styles(wb);
      XSSFSheet sheet = wb.createSheet("Summary");
      XSSFRow header = sheet.createRow(0);
      header.createCell(0).setCellValue("Municipality");
      header.getCell(0).setCellStyle(styles.header);
      header.createCell(1).setCellValue("Share");
      header.getCell(1).setCellStyle(styles.headerRight);
      XSSFRow row = sheet.createRow(1);
      row.createCell(0).setCellValue("m");
      row.createCell(1).setCellValue(0.5);
      row.getCell(1).setCellStyle(styles.percent);
      sheet.createFreezePane(1, 1);
      sheet.setColumnWidth(0, 20 * 256);
      // as TableSheets makes its tables
      XSSFTable table = sheet.createTable(null);
      CTTable made = CTTable.Factory.newInstance();
      made.setRef(new AreaReference(new CellReference(0, 0), new CellReference(1, 1),
          SpreadsheetVersion.EXCEL2007).formatAsString());
      made.setName("Summary");
      made.addNewTableColumns().addNewTableColumn().setName("Municipality");
      table.getCTTable().set(made);
      XSSFSheetConditionalFormatting cf = sheet.getSheetConditionalFormatting();
      XSSFConditionalFormattingRule rule = cf.createConditionalFormattingColorScaleRule();
      rule.getColorScaleFormatting().getThresholds()[0].setRangeType(RangeType.NUMBER);
      cf.addConditionalFormatting(new CellRangeAddress[] {CellRangeAddress.valueOf("B2:B2")},
          rule);
      XSSFChart bars = sheet.createDrawingPatriarch()
          .createChart(new XSSFClientAnchor(0, 0, 0, 0, 3, 0, 8, 10));
      bars.setTitleText("bars");
      XDDFCategoryAxis categories = bars.createCategoryAxis(AxisPosition.LEFT);
      XDDFValueAxis counts = bars.createValueAxis(AxisPosition.BOTTOM);
      XDDFBarChartData data = (XDDFBarChartData) bars.createData(ChartTypes.BAR, categories,
          counts);
      data.addSeries(XDDFDataSourcesFactory.fromArray(new String[] {"m"}, "Summary!$A$2:$A$2"),
          XDDFDataSourcesFactory.fromArray(new Double[] {1.0}, "Summary!$B$2:$B$2"));
      Charts.plot(data);
      XSSFChart bubbles = sheet.createDrawingPatriarch()
          .createChart(new XSSFClientAnchor(0, 0, 0, 0, 3, 11, 8, 20));
      XDDFValueAxis x = bubbles.createValueAxis(AxisPosition.BOTTOM);
      XDDFValueAxis y = bubbles.createValueAxis(AxisPosition.LEFT);
      CTBubbleChart ct = bubbles.getCTChart().getPlotArea().addNewBubbleChart();
      ct.addNewAxId().setVal(x.getId());
      ct.addNewAxId().setVal(y.getId());
      new XDDFBubbleChartData(bubbles, ct, x, y).addSeries(
          XDDFDataSourcesFactory.fromArray(new Double[] {0.5}, "Summary!$B$2:$B$2"),
          XDDFDataSourcesFactory.fromArray(new Double[] {0.5}, "Summary!$B$2:$B$2"));
      wb.write(OutputStream.nullOutputStream());
    } finally {
      // not close(): closing a workbook made in memory writes it once more (XlsxWriter)
      wb.getPackage().revert();
      streaming.getXSSFWorkbook().getPackage().revert();
    }
  }
}
