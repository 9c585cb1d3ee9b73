package org.polcomp.report.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.function.BiConsumer;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ChartsTest {
  // A chart of bars (values named by their cells, as polcomp's are) and of lines (values
  // given as literals), its series written by plot.
  private static String chart(XSSFSheet sheet, int at,
      BiConsumer<XSSFChart, XDDFChartData> plot) {
    XSSFChart chart = sheet.createDrawingPatriarch()
        .createChart(new XSSFClientAnchor(0, 0, 0, 0, 0, at, 8, at + 10));
    XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.LEFT);
    XDDFValueAxis counts = chart.createValueAxis(AxisPosition.BOTTOM);
    XDDFBarChartData bars =
        (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, counts);
    bars.setBarDirection(BarDirection.BAR);
    String[] names = {"Groningen", "Utrecht & Zeist", "Den <Haag>"};
    for (int q = 0; q < 4; q++) {
      bars.addSeries(XDDFDataSourcesFactory.fromArray(names, "'Summary'!$A$2:$A$4"),
          XDDFDataSourcesFactory.fromArray(new Double[] {1.0 * q, 2.5, 0.0},
              "'Summary'!$" + (char) ('B' + q) + "$2:$" + (char) ('B' + q) + "$4"))
          .setTitle("kind " + q, null);
    }
    plot.accept(chart, bars);
    XDDFLineChartData lines = (XDDFLineChartData) chart.createData(ChartTypes.LINE,
        chart.createCategoryAxis(AxisPosition.TOP), chart.createValueAxis(AxisPosition.RIGHT));
    lines.addSeries(XDDFDataSourcesFactory.fromArray(new String[] {"2015", "2016"}),
        XDDFDataSourcesFactory.fromArray(new Integer[] {3, 4}));
    plot.accept(chart, lines);
    return chart.getCTChart().xmlText();
  }

  @Test
  void theSeriesAreWrittenAsPoisOwnPlotWritesThem() throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      XSSFSheet sheet = wb.createSheet("Summary");
      String expected = chart(sheet, 0, (chart, data) -> chart.plot(data));
      String actual = chart(sheet, 20, (chart, data) -> Charts.plot(data));
      assertEquals(expected, actual);
      assertTrue(actual.contains("Utrecht &amp; Zeist") && actual.contains(">2.5<"),
          actual);
    }
  }
}
