package org.polcomp.report.xlsx;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.polcomp.report.AtomicFile;
import org.polcomp.report.Scratch;
import org.polcomp.report.Columns;
import org.polcomp.report.Report;
import org.polcomp.report.ReportWriter;
import org.polcomp.report.Table;

/**
 * Writes a report as an XLSX workbook (OUTPUTS.md): the {@link Overview} first, then one sheet
 * per table in report order, then {@code Codebook} and {@code About}. Every table sheet has a bold
 * frozen header aligned with its values, an Excel table (with its autofilter) whose column names
 * are the header cells, column widths from the header and the first rows, number formats by
 * column (counts, thousands, euros, percentages) and prints landscape, one page wide, with its
 * header on every page ({@link Printing}). {@code Summary} gets a colour scale on its shares and
 * the stacked bar chart of the measures by kind; {@code Typology} the bubble chart of the
 * municipalities' shares; the Overview both ({@link Charts}).
 *
 * <p>POI (SXSSF, inline strings) writes the workbook's structure with the header rows; the data
 * rows are then written straight into the package, the sheets in parallel, and hyperlinks spooled
 * to temporary files ({@link SheetRows}, {@link Repack}): memory does not grow with the number of
 * rows, except for the Summary's chart data (a few values per municipality, at most
 * {@value Charts#MAX_POINTS}). A table longer than a sheet continues on {@code "<sheet> 2"},
 * {@code "<sheet> 3"} ... with the header repeated. The same report gives the same bytes: no
 * dates in the document properties and one fixed time on every zip entry.
 */
public final class XlsxWriter implements ReportWriter {
  /** The rows of an Excel sheet, header included. */
  public static final int EXCEL_MAX_ROWS = 1_048_576;
  /** Excel keeps at most this many hyperlinks per sheet; later URLs stay plain text. */
  public static final int MAX_HYPERLINKS = Hyperlinks.MAX_PER_SHEET;
  // rows kept in memory by SXSSF before they go to its temporary file
  private static final int WINDOW = 100;
  // the columns of the charts beside the Summary and Typology tables
  private static final int CHART_WIDTH = 12;

  private final int maxRowsPerSheet;

  /** A writer with Excel's sheet size. */
  public XlsxWriter() {
    this(EXCEL_MAX_ROWS);
  }

  /** A writer whose sheets hold at most {@code maxRowsPerSheet} rows, the header included. */
  public XlsxWriter(int maxRowsPerSheet) {
    if (maxRowsPerSheet < 2 || maxRowsPerSheet > EXCEL_MAX_ROWS) {
      throw new IllegalArgumentException("rows per sheet from 2 to " + EXCEL_MAX_ROWS);
    }
    this.maxRowsPerSheet = maxRowsPerSheet;
  }

  @Override
  public void write(Report report, Path target) throws IOException {
    AtomicFile.write(target, out -> write(report, out));
  }

  /** Writes the workbook to a stream, which stays open. */
  public void write(Report report, OutputStream out) throws IOException {
    Scratch.usePoiFolder();
    Path pkg = Hyperlinks.temporary("xlsx");
    try (Hyperlinks links = new Hyperlinks(); RowsAhead ahead = new RowsAhead(links)) {
      XSSFWorkbook template = new XSSFWorkbook();
      // no shared strings table: inline strings keep memory flat
      Map<String, SheetRows> rows = new LinkedHashMap<>();
      try (SXSSFWorkbook wb = new SXSSFWorkbook(template, WINDOW, false, false) {
        // the package is compressed once, by Repack: here it is only stored
        @Override
        protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
          ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
          zip.setLevel(Deflater.NO_COMPRESSION);
          return zip;
        }

        // SXSSF's close, but the template's package reverted instead of closed: closing a
        // package made in memory saves it once more, every part, into memory that nobody reads
        // (a twentieth of a small workbook). dispose() closes and deletes the spooled sheets; it
        // is deprecated only in favour of close(), which is what does the extra save.
        @Override
        @SuppressWarnings("deprecation")
        public void close() throws IOException {
          try {
            dispose();
          } finally {
            template.getPackage().revert();
          }
        }
      }) {
        fill(report, wb, rows, ahead);
        fixProperties(template, report);
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(pkg), 1 << 20)) {
          wb.write(file);
        }
      } // close() also deletes SXSSF's temporary files
      Repack.copy(pkg, out, rows, links, ahead);
    } finally {
      Files.deleteIfExists(pkg);
    }
    out.flush();
  }

  private void fill(Report report, SXSSFWorkbook wb, Map<String, SheetRows> rows,
      RowsAhead ahead) throws IOException {
    Styles styles = new Styles(wb);
    // first in the workbook, written last: it shows what the other sheets hold; only a
    // comparison has one (a sensitivity report has no Summary to show)
    boolean comparison =
        report.tables().stream().anyMatch(t -> t.key().equals(Columns.MUNICIPALITIES.key()));
    SXSSFSheet overview = comparison ? wb.createSheet(Overview.SHEET) : null;
    Set<String> tableNames = new HashSet<>();
    Map<String, TableSheets.Placed> placed = new LinkedHashMap<>();
    List<Table> all = new ArrayList<>(report.tables());
    all.add(report.codebook());
    all.add(report.aboutTable());
    for (Table table : all) {
      List<String> capture = table.key().equals(Columns.MUNICIPALITIES.key())
          ? ChartData.CAPTURE
          : table.key().equals(Columns.SENSITIVITY_MUNICIPALITIES.key())
              ? RankChart.COLUMNS : List.of();
      TableSheets sheets =
          new TableSheets(wb, styles, rows, tableNames, maxRowsPerSheet, capture);
      placed.put(table.key(), sheets.write(table));
      // its rows are written out beside the rest of POI's work (RowsAhead)
      ahead.start(rows);
    }
    TableSheets.Placed ranks = placed.get(Columns.SENSITIVITY_MUNICIPALITIES.key());
    if (ranks != null) {
      RankChart.draw(wb, ranks);
    }
    TableSheets.Placed summary = placed.get(Columns.MUNICIPALITIES.key());
    ChartData data = ChartData.of(Overview.SHEET, summary);
    if (overview != null) {
      Overview.write(wb, overview, styles, report, summary, data);
    }
    if (summary != null) {
      Charts.colourScale(wb, summary);
      Charts.quadrantBars(wb, summary.parts().get(0).sheet(), summary.shown().size() + 1, 1,
          CHART_WIDTH, data);
      TableSheets.Placed typology = placed.get(Columns.TYPOLOGY.key());
      if (typology != null) {
        Charts.shareBubbles(wb, typology.parts().get(0).sheet(), typology.shown().size() + 1, 1,
            10, 24, data);
      }
    }
    TableSheets.Placed panel = placed.get(Columns.PANEL.key());
    if (panel != null) {
      PanelChart.add(wb, panel);
    }
    wb.setActiveSheet(0);
  }

  // POI stamps the creation date with the clock; the report has none (determinism).
  private static void fixProperties(XSSFWorkbook wb, Report report) {
    POIXMLProperties.CoreProperties core = wb.getProperties().getCoreProperties();
    core.setCreated(Optional.empty());
    core.setModified(Optional.empty());
    core.setCreator("polcomp " + report.toolVersion());
    core.setTitle("polcomp comparison");
  }
}
