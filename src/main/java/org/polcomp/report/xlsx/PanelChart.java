package org.polcomp.report.xlsx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.polcomp.report.Table;

/**
 * The Panel sheet's line chart: the dataset's mainstreaming and structural shares per year, each
 * year's share summed over every municipality's measures of that year (not an average of the
 * municipalities' shares). The sums have no cells of their own, so the chart holds its values
 * (literal chart data); the panel rows are read once more to make them.
 */
final class PanelChart {
  private PanelChart() {}

  static final String YEAR = "year";
  static final List<String> COUNTS =
      List.of("mainstreamed", "target_group", "structural", "temporary");
  // mainstreaming in the Summary's blue, structural in its orange
  private static final byte[][] COLOURS = {{(byte) 0x1F, 0x4E, 0x79}, {(byte) 0xC5, 0x5A, 0x11}};

  /** Adds the chart right of the Panel table; nothing when it has no rows or lacks a column. */
  static void add(SXSSFWorkbook wb, TableSheets.Placed panel) {
    Table table = panel.table();
    int year = indexOf(table, YEAR);
    int[] at = new int[COUNTS.size()];
    for (int k = 0; k < at.length; k++) {
      at[k] = indexOf(table, COUNTS.get(k));
    }
    if (panel.firstRows() == 0 || year < 0 || Arrays.stream(at).anyMatch(i -> i < 0)) {
      return;
    }
    // per year: mainstreamed, target-group, structural, temporary
    TreeMap<Long, long[]> byYear = new TreeMap<>();
    for (List<Object> row : table.rows()) {
      if (!(row.get(year) instanceof Number y)) {
        continue;
      }
      long[] sums = byYear.computeIfAbsent(y.longValue(), k -> new long[COUNTS.size()]);
      for (int k = 0; k < at.length; k++) {
        if (row.get(at[k]) instanceof Number n) {
          sums[k] += n.longValue();
        }
      }
    }
    List<String> years = new ArrayList<>();
    List<Double> mainstreaming = new ArrayList<>();
    List<Double> structural = new ArrayList<>();
    byYear.forEach((y, s) -> {
      years.add(Long.toString(y));
      mainstreaming.add(share(s[0], s[1]));
      structural.add(share(s[2], s[3]));
    });

    XSSFSheet sheet = wb.getXSSFWorkbook().getSheet(panel.parts().get(0).sheet());
    int col = panel.shown().size() + 1;
    XSSFChart chart = sheet.createDrawingPatriarch().createChart(
        new XSSFClientAnchor(0, 0, 0, 0, col, 1, col + 12, 22));
    chart.setTitleText(String.format(Locale.ROOT,
        "Mainstreaming and structural shares per year, %s to %s", years.get(0),
        years.get(years.size() - 1)));
    chart.setTitleOverlay(false);
    chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
    XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
    x.setTitle("Year");
    XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
    y.setMinimum(0);
    y.setMaximum(1);
    y.setMajorUnit(0.25);
    y.setNumberFormat("0%");
    y.setCrossBetween(AxisCrossBetween.BETWEEN);
    y.setTitle("Share of the measures");
    XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
    data.setVaryColors(false);
    String[] labels = years.toArray(new String[0]);
    List<List<Double>> values = List.of(mainstreaming, structural);
    List<String> titles = List.of("Mainstreaming share", "Structural share");
    for (int k = 0; k < values.size(); k++) {
      XDDFChartData.Series s = data.addSeries(XDDFDataSourcesFactory.fromArray(labels),
          XDDFDataSourcesFactory.fromArray(values.get(k).toArray(new Double[0])));
      s.setTitle(titles.get(k), null);
      XDDFLineChartData.Series line = (XDDFLineChartData.Series) s;
      line.setSmooth(false);
      line.setMarkerStyle(MarkerStyle.CIRCLE);
      XDDFShapeProperties shape = new XDDFShapeProperties();
      XDDFLineProperties stroke = new XDDFLineProperties();
      stroke.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(COLOURS[k])));
      shape.setLineProperties(stroke);
      line.setShapeProperties(shape);
    }
    Charts.plot(data);
  }

  private static int indexOf(Table table, String key) {
    for (int i = 0; i < table.columns().size(); i++) {
      if (table.columns().get(i).key().equals(key)) {
        return i;
      }
    }
    return -1;
  }

  /** a / (a + b), or null for a year without labelled measures (a gap in the line). */
  private static Double share(long a, long b) {
    return a + b == 0 ? null : (double) a / (a + b);
  }
}
