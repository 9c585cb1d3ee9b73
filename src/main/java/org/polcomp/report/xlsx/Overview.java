package org.polcomp.report.xlsx;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.polcomp.report.Column;
import org.polcomp.report.ColumnType;
import org.polcomp.report.Report;
import org.polcomp.report.html.OverviewText;

/**
 * The first sheet, what a council member reads in a minute (OUTPUTS.md): a title, the dataset and
 * its date, the counts, what the words mean (from the codebook in use), a compact table of the
 * municipalities and both charts beside it. One landscape page for up to {@link #ONE_PAGE}
 * municipalities. The charts' data sit in hidden columns right of what prints.
 */
final class Overview {
  static final String SHEET = "Overview";
  /** Up to this many municipalities the Overview prints on one page. */
  static final int ONE_PAGE = 40;
  // the compact table: at most as many rows as the charts have points
  private static final int MAX_ROWS = Charts.MAX_POINTS;
  private static final List<String> TABLE_KEYS = List.of(ChartData.NAME_KEY, "measures",
      "profile", ChartData.X_KEY, ChartData.Y_KEY);
  private static final List<Column> TABLE = List.of(new Column("municipality", ColumnType.TEXT),
      new Column("measures", ColumnType.INTEGER), new Column("profile", ColumnType.TEXT),
      new Column("mainstreaming_share", ColumnType.SHARE),
      new Column("structural_share", ColumnType.SHARE));
  private static final int[] WIDTHS = {24, 10, 25, 20, 16};
  // the text block spans the table's columns
  private static final int TEXT_WIDTH = 95;
  private static final int GAP = 1;
  // the charts, one above the other, right of the text and the table
  private static final int CHART_COLUMNS = 12;
  private static final int CHART_COLUMN_WIDTH = 10;
  private static final int CHARTS_AT = TABLE.size() + GAP;
  private static final int LAST_PRINTED = CHARTS_AT + CHART_COLUMNS - 1;

  private Overview() {}

  /** The cells of the sheet, by row, written in order since the sheet streams. */
  private static final class Grid {
    private final TreeMap<Integer, TreeMap<Integer, Object[]>> cells = new TreeMap<>();
    private final Map<Integer, Float> heights = new TreeMap<>();

    void put(int row, int col, Object value, CellStyle style) {
      if (value != null) {
        cells.computeIfAbsent(row, r -> new TreeMap<>()).put(col, new Object[] {value, style});
      }
    }

    void write(SXSSFSheet sheet) {
      for (Map.Entry<Integer, TreeMap<Integer, Object[]>> r : cells.entrySet()) {
        Row row = sheet.createRow(r.getKey());
        Float h = heights.get(r.getKey());
        if (h != null) {
          row.setHeightInPoints(h);
        }
        for (Map.Entry<Integer, Object[]> c : r.getValue().entrySet()) {
          Cell cell = row.createCell(c.getKey());
          Object v = c.getValue()[0];
          if (v instanceof String s) {
            cell.setCellValue(s);
          } else {
            cell.setCellValue(((Number) v).doubleValue());
          }
          if (c.getValue()[1] != null) {
            cell.setCellStyle((CellStyle) c.getValue()[1]);
          }
        }
      }
    }
  }

  /** Writes the sheet (created first, so that it comes first) and its charts. */
  static void write(SXSSFWorkbook wb, SXSSFSheet sheet, Styles styles, Report report,
      TableSheets.Placed summary, ChartData data) {
    Grid g = new Grid();
    int r = 0;
    g.put(r++, 0, OverviewText.TITLE, styles.title);
    r = text(g, sheet, styles, r, OverviewText.dataset(report));
    r = text(g, sheet, styles, r, OverviewText.date(report));
    r = text(g, sheet, styles, r, OverviewText.counts(report));
    r++;
    g.put(r++, 0, "What the words mean", styles.bold);
    for (String line : OverviewText.definitions(report)) {
      r = text(g, sheet, styles, r, line);
    }
    r++;
    int header = r;
    for (int k = 0; k < TABLE.size(); k++) {
      g.put(header, k, TABLE.get(k).header(),
          k == 2 ? styles.headerIndented : styles.headerOf(TABLE.get(k)));
    }
    r++;
    int rows = summary == null ? 0 : Math.min(summary.firstRows(), MAX_ROWS);
    for (int i = 0; i < rows; i++, r++) {
      for (int k = 0; k < TABLE.size(); k++) {
        List<Object> values = summary.values().get(TABLE_KEYS.get(k));
        if (values != null) {
          g.put(r, k, values.get(i), k == 2 ? styles.indented : styles.of(TABLE.get(k)));
        }
      }
    }
    int all = summary == null ? 0 : summary.firstRows();
    if (rows == 0) {
      g.put(r++, 0, "No municipalities.", null);
    } else if (rows < all) {
      g.put(r++, 0, String.format(Locale.ROOT, "and %,d more: see the Summary sheet.",
          all - rows), null);
    }
    int lastText = r - 1;
    block(g, styles, data);
    g.write(sheet);

    for (int k = 0; k < WIDTHS.length; k++) {
      sheet.setColumnWidth(k, WIDTHS[k] * 256);
    }
    sheet.setColumnWidth(TABLE.size(), 2 * 256);
    for (int k = CHARTS_AT; k <= LAST_PRINTED; k++) {
      sheet.setColumnWidth(k, CHART_COLUMN_WIDTH * 256);
    }
    for (int k = ChartData.NAME; k <= ChartData.LAST; k++) {
      sheet.setColumnHidden(k, true);
    }
    // the bars (about a row each) and below them the bubbles, as tall as the text and table
    // beside them, within reason
    int bars = data.bars() == 0 ? 0 : Charts.barsHeight(data.bars());
    int bubbles = Math.max(22, Math.min(lastText + 1 - bars, 40));
    Charts.quadrantBars(wb, SHEET, CHARTS_AT, 0, CHART_COLUMNS, data);
    Charts.shareBubbles(wb, SHEET, CHARTS_AT, bars, CHART_COLUMNS, bubbles, data);
    int lastRow = Math.max(lastText, bars + (data.positions() == 0 ? 0 : bubbles) - 1);
    Printing.page(sheet, all <= ONE_PAGE ? 1 : 0);
    wb.setPrintArea(wb.getSheetIndex(sheet), "$A$1:$"
        + CellReference.convertNumToColString(LAST_PRINTED) + "$" + (lastRow + 1));
  }

  // A line of text across the table's columns, wrapped, its row as high as its lines.
  private static int text(Grid g, SXSSFSheet sheet, Styles styles, int row, String s) {
    g.put(row, 0, s, styles.wrap);
    sheet.addMergedRegion(new CellRangeAddress(row, row, 0, TABLE.size() - 1));
    int lines = Math.max(1, (s.length() + TEXT_WIDTH - 1) / TEXT_WIDTH);
    g.heights.put(row, 15f * lines);
    return row + 1;
  }

  // The charts' data, in hidden columns from ChartData.NAME on; a header row, then the points.
  private static void block(Grid g, Styles styles, ChartData d) {
    g.put(0, ChartData.NAME, "Municipality", styles.header);
    for (int q = 0; q < ChartData.KINDS.size(); q++) {
      g.put(0, ChartData.NAME + 1 + q, ChartData.KINDS.get(q), styles.header);
    }
    for (int i = 0; i < d.bars(); i++) {
      g.put(i + 1, ChartData.NAME, d.names()[i], null);
      for (int q = 0; q < ChartData.KINDS.size(); q++) {
        g.put(i + 1, ChartData.NAME + 1 + q, d.kinds()[i][q], styles.integer);
      }
    }
    List<String> heads = List.of("Mainstreaming share", "Structural share", "Municipalities",
        "Which");
    for (int k = 0; k < heads.size(); k++) {
      g.put(0, ChartData.X + k, heads.get(k), styles.header);
    }
    for (int i = 0; i < d.positions(); i++) {
      g.put(i + 1, ChartData.X, d.xs()[i], styles.percent);
      g.put(i + 1, ChartData.X + 1, d.ys()[i], styles.percent);
      g.put(i + 1, ChartData.X + 2, d.sizes()[i], styles.integer);
      g.put(i + 1, ChartData.X + 3, d.who()[i], null);
    }
  }
}
