package org.polcomp.golden;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarSer;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBubbleChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBubbleSer;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTPlotArea;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTScatterChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTSerTx;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTValAx;

/**
 * A text dump of a workbook for golden files: per sheet its dimension, print setup, frozen panes,
 * column widths, tables, conditional formats, charts (type, title, each series with its title and
 * ranges) and autofilter, then every non-empty cell with its type, format, alignment and value.
 */
public final class XlsxDump {
  private XlsxDump() {}

  /** The dump of the workbook at {@code xlsx}. */
  public static String dump(Path xlsx) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
      for (int s = 0; s < wb.getNumberOfSheets(); s++) {
        XSSFSheet sheet = wb.getSheetAt(s);
        sb.append("== sheet ").append(sheet.getSheetName()).append('\n');
        if (sheet.getCTWorksheet().isSetDimension()) {
          sb.append("dimension ").append(sheet.getCTWorksheet().getDimension().getRef())
              .append('\n');
        }
        var print = sheet.getPrintSetup();
        sb.append("print ").append(print.getLandscape() ? "landscape" : "portrait")
            .append(" paper ").append(print.getPaperSize())
            .append(sheet.getFitToPage() ? " fit " + print.getFitWidth() + "x" + print.getFitHeight()
                : "")
            .append(sheet.getRepeatingRows() == null ? ""
                : " repeat " + sheet.getRepeatingRows().formatAsString())
            .append(" area ").append(wb.getPrintArea(s))
            .append(" footer ").append(sheet.getFooter().getCenter()).append('\n');
        if (sheet.getPaneInformation() != null) {
          sb.append("freeze row ").append(sheet.getPaneInformation().getHorizontalSplitPosition())
              .append(" column ").append(sheet.getPaneInformation().getVerticalSplitPosition())
              .append('\n');
        }
        sb.append("widths");
        int columns = 0;
        for (Row row : sheet) {
          columns = Math.max(columns, row.getLastCellNum());
        }
        for (int k = 0; k < columns; k++) {
          sb.append(' ').append(sheet.isColumnHidden(k) ? "hidden" : sheet.getColumnWidth(k) / 256);
        }
        sb.append('\n');
        if (sheet.getRow(0) != null && sheet.getRow(0).getHeight() != sheet.getDefaultRowHeight()) {
          sb.append("header height ").append(sheet.getRow(0).getHeightInPoints()).append('\n');
        }
        if (sheet.getCTWorksheet().isSetAutoFilter()) {
          sb.append("autofilter ").append(sheet.getCTWorksheet().getAutoFilter().getRef())
              .append('\n');
        }
        for (XSSFTable t : sheet.getTables()) {
          sb.append("table ").append(t.getName()).append(' ').append(t.getArea().formatAsString())
              .append(" columns ");
          t.getColumns().forEach(c -> sb.append('[').append(c.getName()).append(']'));
          sb.append('\n');
        }
        int cf = sheet.getSheetConditionalFormatting().getNumConditionalFormattings();
        if (cf > 0) {
          sb.append("conditional formats ").append(cf).append('\n');
        }
        if (sheet.getDrawingPatriarch() != null) {
          for (XSSFChart ch : sheet.getDrawingPatriarch().getCharts()) {
            chart(ch, sb);
          }
        }
        for (Row row : sheet) {
          for (Cell cell : row) {
            String ref = new CellReference(cell).formatAsString(false);
            String fmt = cell.getCellStyle().getDataFormatString();
            String link = cell.getHyperlink() != null ? " link=" + cell.getHyperlink().getAddress()
                : "";
            String value = switch (cell.getCellType()) {
              case NUMERIC -> String.format(Locale.ROOT, "%s", cell.getNumericCellValue());
              case STRING -> cell.getStringCellValue().replace("\n", "\\n");
              case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
              case FORMULA -> "=" + cell.getCellFormula();
              default -> "";
            };
            if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.BLANK) {
              continue;
            }
            HorizontalAlignment align = cell.getCellStyle().getAlignment();
            sb.append(ref).append(' ').append(cell.getCellType().name().charAt(0))
                .append(fmt.equals("General") ? "" : " [" + fmt + "]")
                .append(align == HorizontalAlignment.GENERAL ? ""
                    : " " + align.name().toLowerCase(Locale.ROOT))
                .append(wb.getFontAt(cell.getCellStyle().getFontIndex()).getBold() ? " bold" : "")
                .append(link).append(' ').append(value).append('\n');
          }
        }
      }
    }
    return sb.toString();
  }

  // A chart as its XML says it: the type of each plot, its series with title and ranges.
  private static void chart(XSSFChart ch, StringBuilder sb) {
    CTChart ct = ch.getCTChart();
    sb.append("chart \"").append(ch.getTitleText() == null ? "" : ch.getTitleText().getString())
        .append('"').append(ct.isSetPlotVisOnly() && !ct.getPlotVisOnly().getVal()
            ? " hidden cells plotted" : "").append('\n');
    CTPlotArea plot = ct.getPlotArea();
    for (CTBarChart bar : plot.getBarChartArray()) {
      sb.append("  bar ").append(bar.getGrouping().getVal()).append('\n');
      for (CTBarSer ser : bar.getSerArray()) {
        sb.append("  series \"").append(title(ser.getTx())).append("\" ")
            .append(ser.getCat().getStrRef() == null ? "?" : ser.getCat().getStrRef().getF())
            .append(' ').append(ser.getVal().getNumRef().getF()).append('\n');
      }
    }
    for (CTScatterChart scatter : plot.getScatterChartArray()) {
      sb.append("  scatter series ").append(scatter.sizeOfSerArray()).append('\n');
    }
    for (CTBubbleChart bubble : plot.getBubbleChartArray()) {
      sb.append("  bubble\n");
      for (CTBubbleSer ser : bubble.getSerArray()) {
        sb.append("  series \"").append(title(ser.getTx())).append("\" x ")
            .append(ser.getXVal().getNumRef().getF()).append(" y ")
            .append(ser.getYVal().getNumRef().getF()).append(" size ")
            .append(ser.getBubbleSize().getNumRef().getF()).append(" points ")
            .append(ser.getBubbleSize().getNumRef().getNumCache().getPtCount().getVal())
            .append('\n');
      }
    }
    for (CTValAx axis : plot.getValAxArray()) {
      if (axis.isSetTitle()) {
        sb.append("  axis \"").append(axis.getTitle().getTx().getRich().getPArray(0).getRArray(0)
            .getT()).append("\"\n");
      }
    }
  }

  private static String title(CTSerTx tx) {
    return tx == null || tx.getStrRef() == null ? ""
        : tx.getStrRef().getStrCache().getPtArray(0).getV();
  }
}
