package org.polcomp.report.xlsx;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.namespace.QName;
import org.apache.poi.ss.usermodel.ConditionalFormattingThreshold.RangeType;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFNoFillProperties;
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
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.ScatterStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFScatterChartData;
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
import org.openxmlformats.schemas.drawingml.x2006.chart.CTMarker;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTValAx;
import org.polcomp.report.Column;
import org.polcomp.report.ColumnType;

/**
 * The Summary's colour scale and charts, and the Typology's scatter chart. They read the Summary
 * columns by key; a chart whose columns are missing is left out.
 */
final class Charts {
  private Charts() {}

  static final String LABEL = "municipality";
  static final String X_SHARE = "mainstreaming_share";
  static final String Y_SHARE = "structural_share";
  static final List<String> QUADRANTS = List.of("mainstreamed_structural",
      "mainstreamed_temporary", "target_group_structural", "target_group_temporary");
  /** The Summary columns whose values the charts need as cached chart data. */
  static final List<String> SUMMARY_COLUMNS = List.of(LABEL, QUADRANTS.get(0), QUADRANTS.get(1),
      QUADRANTS.get(2), QUADRANTS.get(3), X_SHARE, Y_SHARE);

  // mainstreamed in blues, target-group in oranges; structural dark, temporary light
  private static final byte[][] QUADRANT_COLOURS = {
      rgb(0x1F4E79), rgb(0x9DC3E6), rgb(0xC55A11), rgb(0xF4B183)};
  // colour scale of the shares: 0 orange, 0.5 white, 1 blue
  private static final byte[][] SCALE = {rgb(0xF4B183), rgb(0xFFFFFF), rgb(0x9DC3E6)};
  // one colour per named point, repeating (Tableau 10)
  private static final byte[][] POINT_COLOURS = {
      rgb(0x4E79A7), rgb(0xF28E2B), rgb(0xE15759), rgb(0x76B7B2), rgb(0x59A14F),
      rgb(0xEDC948), rgb(0xB07AA1), rgb(0xFF9DA7), rgb(0x9C755F), rgb(0xBAB0AC)};
  // above this many municipalities the scatter has one series instead of one per municipality
  private static final int NAMED_POINTS = 30;
  private static final int CHART_WIDTH = 12;
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

  /** A stacked bar chart of the quadrant counts per municipality, right of the Summary table. */
  static void quadrantBars(SXSSFWorkbook wb, TableSheets.Placed summary) {
    int all = summary.firstRows();
    int rows = Math.min(all, MAX_BARS);
    int label = summary.column(LABEL);
    if (rows == 0 || label < 0 || QUADRANTS.stream().anyMatch(q -> summary.column(q) < 0)) {
      return;
    }
    String sheetName = summary.parts().get(0).sheet();
    XSSFSheet sheet = xssf(wb, sheetName);
    int col = summary.shown().size() + 1;
    // about one row per bar, within reason
    int height = Math.max(20, Math.min(rows + 8, 400));
    XSSFChart chart = drawing(sheet).createChart(
        new XSSFClientAnchor(0, 0, 0, 0, col, 1, col + CHART_WIDTH, 1 + height));
    chart.setTitleText(rows < all
        ? String.format(Locale.ROOT, "Measures per quadrant, the first %,d of %,d municipalities",
            rows, all)
        : "Measures per quadrant");
    chart.setTitleOverlay(false);
    chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
    XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.LEFT);
    // the first municipality on top, as in the table; the value axis stays at the bottom
    categories.setOrientation(AxisOrientation.MAX_MIN);
    XDDFValueAxis counts = chart.createValueAxis(AxisPosition.BOTTOM);
    counts.setCrosses(AxisCrosses.MAX);
    counts.setCrossBetween(AxisCrossBetween.BETWEEN);
    counts.setTitle("Measures");
    XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, counts);
    data.setBarDirection(BarDirection.BAR);
    data.setBarGrouping(BarGrouping.STACKED);
    data.setVaryColors(false);
    XDDFCategoryDataSource names = XDDFDataSourcesFactory.fromArray(
        labels(summary, rows), range(sheetName, label, rows));
    for (int q = 0; q < QUADRANTS.size(); q++) {
      int k = summary.column(QUADRANTS.get(q));
      XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromArray(
          numbers(summary, QUADRANTS.get(q), rows), range(sheetName, k, rows));
      XDDFChartData.Series series = data.addSeries(names, values);
      series.setTitle(summary.shown().get(k).header(),
          new CellReference(sheetName, 0, k, true, true));
      series.setShapeProperties(fill(QUADRANT_COLOURS[q]));
    }
    chart.plot(data);
    // stacked bars need a full overlap; POI's setter needs a schema type the lite jar lacks
    CTBarChart bars = chart.getCTChart().getPlotArea().getBarChartArray(0);
    value(bars.isSetOverlap() ? bars.getOverlap() : bars.addNewOverlap(), "100");
    value(bars.isSetGapWidth() ? bars.getGapWidth() : bars.addNewGapWidth(), "50");
  }

  private static void value(XmlObject element, String val) {
    try (XmlCursor cursor = element.newCursor()) {
      cursor.setAttributeText(new QName("val"), val);
    }
  }

  /**
   * A scatter chart of mainstreaming share (x) against structural share (y), one point per
   * municipality, with the axes crossing at 50% so that the four quadrants show; right of the
   * Typology table. The data are the Summary's cells.
   */
  static void shareScatter(SXSSFWorkbook wb, TableSheets.Placed summary,
      TableSheets.Placed typology) {
    int all = summary.firstRows();
    int rows = Math.min(all, MAX_POINTS);
    int label = summary.column(LABEL);
    int xCol = summary.column(X_SHARE);
    int yCol = summary.column(Y_SHARE);
    if (rows == 0 || label < 0 || xCol < 0 || yCol < 0) {
      return;
    }
    String source = summary.parts().get(0).sheet();
    XSSFSheet sheet = xssf(wb, typology.parts().get(0).sheet());
    int col = typology.shown().size() + 1;
    XSSFChart chart = drawing(sheet).createChart(
        new XSSFClientAnchor(0, 0, 0, 0, col, 1, col + 10, 25));
    chart.setTitleText(rows < all
        ? String.format(Locale.ROOT,
            "Mainstreaming and structural shares, the first %,d of %,d municipalities", rows, all)
        : "Mainstreaming and structural shares");
    chart.setTitleOverlay(false);
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
    x.setTitle(summary.shown().get(xCol).header());
    y.setTitle(summary.shown().get(yCol).header());
    XDDFScatterChartData data = (XDDFScatterChartData) chart.createData(ChartTypes.SCATTER, x, y);
    data.setStyle(ScatterStyle.MARKER);
    data.setVaryColors(false);
    Double[] xs = numbers(summary, X_SHARE, rows);
    Double[] ys = numbers(summary, Y_SHARE, rows);
    if (rows <= NAMED_POINTS) {
      // one series per municipality: the legend names the points
      String[] names = labels(summary, rows);
      for (int i = 0; i < rows; i++) {
        if (xs[i] == null || ys[i] == null) {
          continue; // no point to draw
        }
        XDDFChartData.Series s = data.addSeries(
            XDDFDataSourcesFactory.fromArray(new Double[] {xs[i]}, cell(source, i + 1, xCol)),
            XDDFDataSourcesFactory.fromArray(new Double[] {ys[i]}, cell(source, i + 1, yCol)));
        s.setTitle(names[i], new CellReference(source, i + 1, label, true, true));
        marker((XDDFScatterChartData.Series) s, POINT_COLOURS[i % POINT_COLOURS.length]);
      }
      chart.getOrAddLegend().setPosition(LegendPosition.RIGHT);
    } else {
      XDDFChartData.Series s = data.addSeries(
          XDDFDataSourcesFactory.fromArray(xs, range(source, xCol, rows)),
          XDDFDataSourcesFactory.fromArray(ys, range(source, yCol, rows)));
      s.setTitle("Municipalities", null);
      marker((XDDFScatterChartData.Series) s, QUADRANT_COLOURS[0]);
    }
    chart.plot(data);
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

  private static void marker(XDDFScatterChartData.Series s, byte[] colour) {
    s.setSmooth(false);
    s.setMarkerStyle(MarkerStyle.CIRCLE);
    // points only: no line between them
    XDDFShapeProperties shape = new XDDFShapeProperties();
    XDDFLineProperties none = new XDDFLineProperties();
    none.setFillProperties(new XDDFNoFillProperties());
    shape.setLineProperties(none);
    s.setShapeProperties(shape);
    CTMarker marker = s.getCTScatterSer().getMarker();
    XDDFShapeProperties dot =
        new XDDFShapeProperties(marker.isSetSpPr() ? marker.getSpPr() : marker.addNewSpPr());
    dot.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(colour)));
    dot.setLineProperties(line(colour));
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

  private static String[] labels(TableSheets.Placed summary, int rows) {
    List<Object> values = summary.values().get(LABEL);
    String[] out = new String[rows];
    for (int i = 0; i < rows; i++) {
      Object v = values.get(i);
      out[i] = v == null ? "" : (String) v;
    }
    return out;
  }

  private static Double[] numbers(TableSheets.Placed summary, String key, int rows) {
    List<Object> values = summary.values().get(key);
    List<Double> out = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      Object v = values.get(i);
      out.add(v == null ? null : ((Number) v).doubleValue());
    }
    return out.toArray(new Double[0]);
  }

  private static String range(String sheet, int col, int rows) {
    return new CellRangeAddress(1, rows, col, col).formatAsString(sheet, true);
  }

  private static String cell(String sheet, int row, int col) {
    return new CellReference(sheet, row, col, true, true).formatAsString();
  }

  private static XSSFSheet xssf(SXSSFWorkbook wb, String name) {
    return wb.getXSSFWorkbook().getSheet(name);
  }

  private static XSSFDrawing drawing(XSSFSheet sheet) {
    return sheet.createDrawingPatriarch();
  }

  private static byte[] rgb(int rgb) {
    return new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb};
  }
}
