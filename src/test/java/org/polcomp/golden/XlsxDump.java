package org.polcomp.golden;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A text dump of a workbook for golden files: per sheet its tables, charts, frozen panes,
 * conditional formats and autofilter, then every non-empty cell with its type, format and value.
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
        if (sheet.getPaneInformation() != null) {
          sb.append("freeze row ").append(sheet.getPaneInformation().getHorizontalSplitPosition())
              .append('\n');
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
          sheet.getDrawingPatriarch().getCharts().forEach(ch -> sb.append("chart ")
              .append(ch.getChartSeries().isEmpty() ? "?" : ch.getChartSeries().get(0)
                  .getClass().getSimpleName().replace("XDDF", "").replace("ChartData", ""))
              .append(" series ").append(ch.getChartSeries().stream()
                  .mapToInt(d -> d.getSeriesCount()).sum()).append('\n'));
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
            sb.append(ref).append(' ').append(cell.getCellType().name().charAt(0))
                .append(fmt.equals("General") ? "" : " [" + fmt + "]")
                .append(wb.getFontAt(cell.getCellStyle().getFontIndex()).getBold() ? " bold" : "")
                .append(link).append(' ').append(value).append('\n');
          }
        }
      }
    }
    return sb.toString();
  }
}
