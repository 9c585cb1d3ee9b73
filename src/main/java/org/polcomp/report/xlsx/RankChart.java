package org.polcomp.report.xlsx;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFNoFillProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The chart of the sensitivity workbook: per municipality (the first {@value #MAX_BARS} by id) a
 * floating column from its best to its worst rank by structural share over the samples, and a
 * marker at its rank under the run's codebook; rank 1 at the top. Right of the Municipalities
 * table, whose cells it reads.
 */
final class RankChart {
  private RankChart() {}

  static final String LABEL = "municipality_id";
  static final String RANK = "rank";
  static final String MIN = "rank_min";
  static final String SPREAD = "rank_spread";
  /** The columns whose values the chart needs as cached chart data. */
  static final List<String> COLUMNS = List.of(LABEL, RANK, MIN, SPREAD);
  /** The most municipalities shown: more columns cannot be told apart. */
  static final int MAX_BARS = 200;

  private static final byte[] RANGE = {(byte) 0x9D, (byte) 0xC3, (byte) 0xE6};
  private static final byte[] MARK = {(byte) 0x1F, (byte) 0x4E, (byte) 0x79};

  static void draw(SXSSFWorkbook wb, TableSheets.Placed table) {
    int all = table.firstRows();
    int rows = Math.min(all, MAX_BARS);
    if (rows == 0 || COLUMNS.stream().anyMatch(c -> table.column(c) < 0)) {
      return;
    }
    String name = table.parts().get(0).sheet();
    XSSFSheet sheet = wb.getXSSFWorkbook().getSheet(name);
    int col = table.shown().size() + 1;
    XSSFChart chart = sheet.createDrawingPatriarch().createChart(
        new XSSFClientAnchor(0, 0, 0, 0, col, 1, col + Math.max(12, Math.min(rows / 3, 40)), 28));
    chart.setTitleText(rows < all
        ? String.format(Locale.ROOT,
            "Rank by structural share over the samples, the first %,d of %,d municipalities",
            rows, all)
        : "Rank by structural share over the samples");
    chart.setTitleOverlay(false);
    chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
    XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
    XDDFValueAxis ranks = chart.createValueAxis(AxisPosition.LEFT);
    // rank 1 at the top, the municipalities along the bottom
    ranks.setOrientation(AxisOrientation.MAX_MIN);
    ranks.setCrosses(AxisCrosses.MAX);
    ranks.setCrossBetween(AxisCrossBetween.BETWEEN);
    ranks.setMinimum(0);
    ranks.setTitle("Rank");
    XDDFCategoryDataSource names = XDDFDataSourcesFactory.fromArray(
        labels(table, rows), range(name, table.column(LABEL), rows));

    XDDFBarChartData bars =
        (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, ranks);
    bars.setBarDirection(BarDirection.COL);
    bars.setBarGrouping(BarGrouping.STACKED);
    bars.setVaryColors(false);
    // a stacked pair: an invisible column up to the best rank, then the range to the worst
    XDDFChartData.Series offset = bars.addSeries(names, XDDFDataSourcesFactory.fromArray(
        numbers(table, MIN, rows), range(name, table.column(MIN), rows)));
    offset.setTitle("best rank", new CellReference(name, 0, table.column(MIN), true, true));
    XDDFShapeProperties none = new XDDFShapeProperties();
    none.setFillProperties(new XDDFNoFillProperties());
    none.setLineProperties(noLine());
    offset.setShapeProperties(none);
    XDDFChartData.Series spread = bars.addSeries(names, XDDFDataSourcesFactory.fromArray(
        numbers(table, SPREAD, rows), range(name, table.column(SPREAD), rows)));
    spread.setTitle("rank range over the samples",
        new CellReference(name, 0, table.column(SPREAD), true, true));
    XDDFShapeProperties fill = new XDDFShapeProperties();
    fill.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(RANGE)));
    spread.setShapeProperties(fill);
    Charts.plot(bars);

    XDDFLineChartData marks =
        (XDDFLineChartData) chart.createData(ChartTypes.LINE, categories, ranks);
    marks.setVaryColors(false);
    XDDFLineChartData.Series rank = (XDDFLineChartData.Series) marks.addSeries(names,
        XDDFDataSourcesFactory.fromArray(numbers(table, RANK, rows),
            range(name, table.column(RANK), rows)));
    rank.setTitle("rank under the codebook",
        new CellReference(name, 0, table.column(RANK), true, true));
    rank.setSmooth(false);
    rank.setMarkerStyle(MarkerStyle.DASH);
    // markers only: no line between municipalities
    XDDFShapeProperties markerOnly = new XDDFShapeProperties();
    markerOnly.setLineProperties(noLine());
    rank.setShapeProperties(markerOnly);
    var marker = rank.getCTLineSer().getMarker();
    XDDFShapeProperties dot =
        new XDDFShapeProperties(marker.isSetSpPr() ? marker.getSpPr() : marker.addNewSpPr());
    dot.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(MARK)));
    XDDFLineProperties edge = new XDDFLineProperties();
    edge.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(MARK)));
    dot.setLineProperties(edge);
    Charts.plot(marks);
  }

  private static XDDFLineProperties noLine() {
    XDDFLineProperties line = new XDDFLineProperties();
    line.setFillProperties(new XDDFNoFillProperties());
    return line;
  }

  private static String[] labels(TableSheets.Placed table, int rows) {
    List<Object> values = table.values().get(LABEL);
    String[] out = new String[rows];
    for (int i = 0; i < rows; i++) {
      Object v = values.get(i);
      out[i] = v == null ? "" : (String) v;
    }
    return out;
  }

  private static Double[] numbers(TableSheets.Placed table, String key, int rows) {
    List<Object> values = table.values().get(key);
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
}
