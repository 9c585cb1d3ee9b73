package org.polcomp.report.xlsx;

import java.util.List;
import java.util.Locale;
import javax.xml.namespace.QName;
import org.apache.poi.ss.usermodel.ConditionalFormattingThreshold.RangeType;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.AxisTickLabelPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFBubbleChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFColorScaleFormatting;
import org.apache.poi.xssf.usermodel.XSSFConditionalFormattingRule;
import org.apache.poi.xssf.usermodel.XSSFConditionalFormattingThreshold;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFSheetConditionalFormatting;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBubbleChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBubbleSer;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTValAx;
import org.openxmlformats.schemas.drawingml.x2006.chart.STDLblPos;
import org.polcomp.report.Column;
import org.polcomp.report.ColumnType;

/**
 * The Summary's colour scale, and the two charts (on the Overview, and again beside the Summary and
 * the Typology tables), drawn from the Overview's chart block ({@link ChartData}).
 */
final class Charts {
  private Charts() {}

  /**
   * Writes the series of {@code data} into its chart's XML: what {@code XDDFChart.plot} does, less
   * its copy of the values into a worksheet embedded in the chart. polcomp's series name their
   * cells in the workbook's own sheets, the chart never saves that worksheet, and making it (a
   * workbook of its own for every chart) and filling it was a twentieth of a small workbook.
   */
  static void plot(XDDFChartData data) {
    for (int i = 0; i < data.getSeriesCount(); i++) {
      data.getSeries(i).plot();
    }
  }


  // mainstreamed in blues, target-group in oranges; structural dark, temporary light;
  // unclassified grey
  static final byte[][] QUADRANT_COLOURS = {
      rgb(0x1F4E79), rgb(0x9DC3E6), rgb(0xC55A11), rgb(0xF4B183), rgb(0xA6A6A6)};
  // colour scale of the shares: 0 orange, 0.5 white, 1 blue
  private static final byte[][] SCALE = {rgb(0xF4B183), rgb(0xFFFFFF), rgb(0x9DC3E6)};
  // the bubbles: a light blue, so that overlapping ones stay visible through their outline
  private static final byte[] BUBBLE = rgb(0x9DC3E6);
  private static final String CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
  /**
   * The most municipalities the bar chart shows, the first by id: more bars cannot be told
   * apart, and a chart's cached values cost memory (a hundred thousand bars exhaust the heap).
   */
  static final int MAX_BARS = 200;
  /** The most points of the scatter chart, and so the most Summary values kept for charts. */
  static final int MAX_POINTS = 10_000;

  /** A colour scale (0 to 1) on every share column of the Summary's first sheet. */
  static void colourScale(SXSSFWorkbook wb, TableSheets.Placed summary) {
    int rows = summary.firstRows();
    if (rows == 0) {
      return;
    }
    XSSFSheet sheet = xssf(wb, summary.parts().get(0).sheet());
    XSSFSheetConditionalFormatting cf = sheet.getSheetConditionalFormatting();
    List<Column> shown = summary.shown();
    for (int k = 0; k < shown.size(); k++) {
      if (shown.get(k).type() != ColumnType.SHARE) {
        continue;
      }
      XSSFConditionalFormattingRule rule = cf.createConditionalFormattingColorScaleRule();
      XSSFColorScaleFormatting scale = rule.getColorScaleFormatting();
      XSSFConditionalFormattingThreshold[] at = scale.getThresholds();
      double[] values = {0, 0.5, 1};
      XSSFColor[] colours = new XSSFColor[3];
      for (int i = 0; i < 3; i++) {
        at[i].setRangeType(RangeType.NUMBER);
        at[i].setValue(values[i]);
        colours[i] = new XSSFColor(SCALE[i]);
      }
      scale.setThresholds(at);
      scale.setColors(colours);
      cf.addConditionalFormatting(
          new CellRangeAddress[] {new CellRangeAddress(1, rows, k, k)}, rule);
    }
  }

  /**
   * A stacked bar chart of the measures of each municipality by quadrant, unclassified ones
   * included, so that a bar is as long as the municipality's measures; at most {@link #MAX_BARS}
   * bars. The data are the Overview's chart block.
   *
   * @param firstCol the column and {@code firstRow} the row of the chart's top left corner
   */
  static void quadrantBars(SXSSFWorkbook wb, String sheetName, int firstCol, int firstRow,
      int width, ChartData d) {
    int rows = d.bars();
    if (rows == 0) {
      return;
    }
    XSSFSheet sheet = xssf(wb, sheetName);
    int height = barsHeight(rows);
    XSSFChart chart = drawing(sheet).createChart(new XSSFClientAnchor(0, 0, 0, 0, firstCol,
        firstRow, firstCol + width, firstRow + height));
    chart.setTitleText(rows < d.municipalities()
        ? String.format(Locale.ROOT, "Measures of each municipality by kind, the first %,d of %,d",
            rows, d.municipalities())
        : "Measures of each municipality by kind");
    chart.setTitleOverlay(false);
    // the chart data sit in hidden columns
    chart.setPlotOnlyVisibleCells(false);
    chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
    XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.LEFT);
    // the first municipality on top, as in the table; the value axis stays at the bottom
    categories.setOrientation(AxisOrientation.MAX_MIN);
    XDDFValueAxis counts = chart.createValueAxis(AxisPosition.BOTTOM);
    counts.setCrosses(AxisCrosses.MAX);
    counts.setCrossBetween(AxisCrossBetween.BETWEEN);
    counts.setTitle("Number of measures");
    counts.setNumberFormat("0");
    XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, counts);
    data.setBarDirection(BarDirection.BAR);
    data.setBarGrouping(BarGrouping.STACKED);
    data.setVaryColors(false);
    String source = d.sheet();
    XDDFCategoryDataSource names = XDDFDataSourcesFactory.fromArray(
        d.names(), range(source, ChartData.NAME, 1, rows));
    for (int q = 0; q < ChartData.KINDS.size(); q++) {
      int col = ChartData.NAME + 1 + q;
      XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromArray(
          d.counts(q), range(source, col, 1, rows));
      XDDFChartData.Series series = data.addSeries(names, values);
      series.setTitle(ChartData.KINDS.get(q), new CellReference(source, 0, col, true, true));
      series.setShapeProperties(fill(QUADRANT_COLOURS[q]));
    }
    plot(data);
    counts.getOrAddMajorGridProperties().setLineProperties(line(rgb(0xD9D9D9)));
    chart.getCTChart().getPlotArea().getValAxArray(0).getNumFmt()
        .setSourceLinked(false);
    // stacked bars need a full overlap; POI's setter needs a schema type the lite jar lacks
    CTBarChart bars = chart.getCTChart().getPlotArea().getBarChartArray(0);
    value(bars.isSetOverlap() ? bars.getOverlap() : bars.addNewOverlap(), "100");
    value(bars.isSetGapWidth() ? bars.getGapWidth() : bars.addNewGapWidth(), "50");
  }

  // Bubbles at half the size an application would draw them: the largest would hide the others.
  // The element goes in as XML before the first axId, as the lite schema jar lacks its type.
  private static void bubbleScale(XmlObject firstAxis) {
    try (XmlCursor cursor = firstAxis.newCursor()) {
      cursor.beginElement(new QName(CHART_NS, "bubbleScale", "c"));
      cursor.insertAttributeWithValue("val", "50");
    }
  }

  /** The rows a bar chart takes: about one per bar, within reason. */
  static int barsHeight(int bars) {
    return Math.max(20, Math.min(bars + 8, 400));
  }

  private static void value(XmlObject element, String val) {
    try (XmlCursor cursor = element.newCursor()) {
      cursor.setAttributeText(new QName("val"), val);
    }
  }

  /**
   * Mainstreaming share (x) against structural share (y): one bubble per position that
   * municipalities hold, as large as the number of municipalities there (its label), one series
   * in one colour; the axes cross at 50% so that the four quadrants show. Positions of the first
   * {@link #MAX_POINTS} municipalities. The data are the Overview's chart block.
   */
  static void shareBubbles(SXSSFWorkbook wb, String sheetName, int firstCol, int firstRow,
      int width, int height, ChartData d) {
    int points = d.positions();
    if (points == 0) {
      return;
    }
    XSSFSheet sheet = xssf(wb, sheetName);
    XSSFChart chart = drawing(sheet).createChart(new XSSFClientAnchor(0, 0, 0, 0, firstCol,
        firstRow, firstCol + width, firstRow + height));
    int shown = Math.min(d.municipalities(), MAX_POINTS);
    chart.setTitleText(shown < d.municipalities()
        ? String.format(Locale.ROOT, "Where the municipalities stand, the first %,d of %,d "
            + "(bubble: how many share a position)", shown, d.municipalities())
        : "Where the municipalities stand (bubble: how many share a position)");
    chart.setTitleOverlay(false);
    chart.setPlotOnlyVisibleCells(false);
    XDDFValueAxis x = chart.createValueAxis(AxisPosition.BOTTOM);
    XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
    for (XDDFValueAxis axis : List.of(x, y)) {
      axis.setMinimum(0);
      axis.setMaximum(1);
      axis.setMajorUnit(0.25);
      axis.setNumberFormat("0%");
      axis.setTickLabelPosition(AxisTickLabelPosition.LOW);
      axis.setCrossBetween(AxisCrossBetween.MIDPOINT_CATEGORY);
      axis.getOrAddShapeProperties().setLineProperties(line(rgb(0x7F7F7F)));
    }
    x.setTitle("Mainstreamed measures (share)");
    y.setTitle("Structural measures (share)");
    // POI has no bubble type among its chart types, but reads and writes bubble charts
    CTBubbleChart ct = chart.getCTChart().getPlotArea().addNewBubbleChart();
    ct.addNewVaryColors().setVal(false);
    bubbleScale(ct.addNewAxId());
    ct.getAxIdArray(0).setVal(x.getId());
    ct.addNewAxId().setVal(y.getId());
    XDDFBubbleChartData data = new XDDFBubbleChartData(chart, ct, x, y);
    data.setVaryColors(false);
    String source = d.sheet();
    XDDFBubbleChartData.Series s = (XDDFBubbleChartData.Series) data.addSeries(
        XDDFDataSourcesFactory.fromArray(d.xs(), range(source, ChartData.X, 1, points)),
        XDDFDataSourcesFactory.fromArray(d.ys(), range(source, ChartData.X + 1, 1, points)));
    s.setBubbleSizes(XDDFDataSourcesFactory.fromArray(d.sizes(),
        range(source, ChartData.X + 2, 1, points)));
    s.setTitle("Municipalities", new CellReference(source, 0, ChartData.X + 2, true, true));
    XDDFShapeProperties shape = new XDDFShapeProperties();
    shape.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(BUBBLE)));
    shape.setLineProperties(line(QUADRANT_COLOURS[0]));
    s.setShapeProperties(shape);
    CTBubbleSer ser = s.getCTBubbleSer();
    ser.addNewBubble3D().setVal(false);
    CTDLbls labels = ser.addNewDLbls();
    labels.addNewDLblPos().setVal(STDLblPos.CTR);
    labels.addNewShowLegendKey().setVal(false);
    labels.addNewShowVal().setVal(false);
    labels.addNewShowCatName().setVal(false);
    labels.addNewShowSerName().setVal(false);
    labels.addNewShowPercent().setVal(false);
    labels.addNewShowBubbleSize().setVal(true);
    plot(data);
    x.getOrAddMajorGridProperties().setLineProperties(line(rgb(0xD9D9D9)));
    y.getOrAddMajorGridProperties().setLineProperties(line(rgb(0xD9D9D9)));
    // the axes cross in the middle: the 2x2 typology
    for (CTValAx axis : chart.getCTChart().getPlotArea().getValAxArray()) {
      if (axis.isSetCrosses()) {
        axis.unsetCrosses();
      }
      (axis.isSetCrossesAt() ? axis.getCrossesAt() : axis.addNewCrossesAt()).setVal(0.5);
      // whole percents on the axes, not the cells' format
      axis.getNumFmt().setSourceLinked(false);
    }
  }

  private static XDDFLineProperties line(byte[] colour) {
    XDDFLineProperties line = new XDDFLineProperties();
    line.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(colour)));
    return line;
  }

  private static XDDFShapeProperties fill(byte[] rgb) {
    XDDFShapeProperties shape = new XDDFShapeProperties();
    shape.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(rgb)));
    XDDFLineProperties line = new XDDFLineProperties();
    line.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(PresetColor.WHITE)));
    shape.setLineProperties(line);
    return shape;
  }

  private static String range(String sheet, int col, int first, int rows) {
    return new CellRangeAddress(first, first + rows - 1, col, col).formatAsString(sheet, true);
  }

  private static XSSFSheet xssf(SXSSFWorkbook wb, String name) {
    return wb.getXSSFWorkbook().getSheet(name);
  }

  private static XSSFDrawing drawing(XSSFSheet sheet) {
    return sheet.createDrawingPatriarch();
  }

  static byte[] rgb(int rgb) {
    return new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb};
  }
}
