package org.polcomp.report.xlsx;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTable;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableColumn;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableColumns;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableStyleInfo;
import org.polcomp.report.Cells;
import org.polcomp.report.Column;
import org.polcomp.report.Columns;
import org.polcomp.report.Table;

/** Writes one table to one sheet, or to several when it has more rows than a sheet holds. */
final class TableSheets {
  /** Excel's limit on the text of one cell. */
  static final int MAX_TEXT = 32_767;
  // column widths come from the header and this many rows
  private static final int SAMPLE = 1_000;
  private static final int MIN_WIDTH = 6;
  private static final int MAX_WIDTH = 60;
  // the height of a line of header text, in points
  private static final float HEADER_LINE = 15f;
  private static final String TABLE_STYLE = "TableStyleMedium2";
  // a table name must not read as a cell reference (A1, R1C1, R, C)
  private static final Pattern REFERENCE =
      Pattern.compile("(?i)[a-z]{1,3}[0-9]+|r[0-9]*(c[0-9]*)?|c[0-9]*");

  /** Where a table went: its sheets and, for the captured columns, every value in row order. */
  record Placed(
      Table table, List<Column> shown, List<Part> parts, Map<String, List<Object>> values) {
    /** The sheet column of a column key, or -1. */
    int column(String key) {
      for (int i = 0; i < shown.size(); i++) {
        if (shown.get(i).key().equals(key)) {
          return i;
        }
      }
      return -1;
    }

    /** The data rows of the first sheet. */
    int firstRows() {
      return parts.get(0).dataRows();
    }
  }

  /** One sheet of a table: its name, the name of its Excel table and its data rows. */
  record Part(String sheet, String tableName, int dataRows) {}

  private final SXSSFWorkbook wb;
  private final Styles styles;
  private final Map<String, SheetRows> rows;
  private final Set<String> tableNames;
  private final int maxRows;
  private final List<String> capture;

  /**
   * @param rows where the rows of each sheet part go, to be written by {@link Repack}
   * @param tableNames the Excel table names used so far, lower case; the new ones are added
   * @param capture the keys of the columns whose values the charts need
   */
  TableSheets(SXSSFWorkbook wb, Styles styles, Map<String, SheetRows> rows,
      Set<String> tableNames, int maxRows, List<String> capture) {
    this.wb = wb;
    this.styles = styles;
    this.rows = rows;
    this.tableNames = tableNames;
    this.maxRows = maxRows;
    this.capture = capture;
  }

  Placed write(Table table) throws IOException {
    List<Integer> places = new ArrayList<>();
    List<Column> shown = new ArrayList<>();
    for (int i = 0; i < table.columns().size(); i++) {
      if (table.columns().get(i).type().tabular()) {
        places.add(i);
        shown.add(table.columns().get(i));
      }
    }
    int[] index = places.stream().mapToInt(Integer::intValue).toArray();
    int[] widths = new int[shown.size()];
    int[] styleIndex = new int[shown.size()];
    for (int k = 0; k < widths.length; k++) {
      // the header wraps at its spaces, its longest word with room for the filter button
      widths[k] = longestWord(shown.get(k).header()) + 3;
      CellStyle style = styles.of(shown.get(k));
      styleIndex[k] = style == null ? 0 : style.getIndex();
    }
    Map<String, List<Object>> values = new LinkedHashMap<>();
    for (String key : capture) {
      if (shown.stream().anyMatch(c -> c.key().equals(key))) {
        values.put(key, new ArrayList<>());
      }
    }

    // The first rows give the column widths and the values the charts need; the rows
    // themselves are written later, straight into the package (SheetRows).
    long total = table.rowCount();
    long look = Math.min(total, values.isEmpty() ? SAMPLE : Math.max(SAMPLE, Charts.MAX_POINTS));
    long n = 0;
    for (Iterator<List<Object>> it = table.rows().iterator(); n < look && it.hasNext(); n++) {
      List<Object> data = it.next();
      for (int k = 0; k < shown.size(); k++) {
        Column c = shown.get(k);
        Object v = Cells.value(table, n, data, index[k]);
        List<Object> captured = values.get(c.key());
        if (captured != null) {
          captured.add(v);
        }
        if (v != null && n < SAMPLE) {
          widths[k] = Math.max(widths[k], width(c, v));
        }
      }
    }
    List<Part> parts = new ArrayList<>();
    List<SXSSFSheet> sheets = new ArrayList<>();
    long start = 0;
    do {
      int count = (int) Math.min(maxRows - 1, total - start);
      SXSSFSheet sheet = startSheet(table, shown, widths, parts.size() + 1, sheets);
      String part = partName(sheet);
      rows.put(part, new SheetRows(part, table, start, count, shown, index, styleIndex,
          styles.link.getIndex()));
      parts.add(finish(sheet, shown, count));
      Printing.table(wb, sheet, shown.size(), count);
      start += count;
    } while (start < total);
    for (SXSSFSheet s : sheets) {
      for (int k = 0; k < widths.length; k++) {
        s.setColumnWidth(k, width(widths[k]) * 256);
      }
    }
    return new Placed(table, List.copyOf(shown), List.copyOf(parts), values);
  }

  private SXSSFSheet startSheet(Table table, List<Column> shown, int[] widths, int number,
      List<SXSSFSheet> sheets) {
    String name = number == 1 ? table.sheet() : table.sheet() + " " + number;
    if (wb.getSheet(name) != null) {
      throw new IllegalArgumentException("two tables on sheet " + name);
    }
    SXSSFSheet sheet = wb.createSheet(name);
    Row header = sheet.createRow(0);
    int lines = 1;
    for (int k = 0; k < shown.size(); k++) {
      lines = Math.max(lines, lines(shown.get(k).header(), width(widths[k]) - 3));
      Cell cell = header.createCell(k);
      cell.setCellValue(shown.get(k).header());
      cell.setCellStyle(styles.headerOf(shown.get(k)));
    }
    header.setHeightInPoints(Math.min(lines, 4) * HEADER_LINE);
    // the Summary keeps the id and the name in view while one scrolls right
    int frozenColumns = table.key().equals(Columns.MUNICIPALITIES.key())
        && shown.size() > 2 && shown.get(0).key().equals("municipality_id")
        && shown.get(1).key().equals("municipality") ? 2 : 0;
    sheet.createFreezePane(frozenColumns, 1);
    sheets.add(sheet);
    return sheet;
  }

  // the sheet's part in the package, as a zip entry name: xl/worksheets/sheet2.xml
  private String partName(SXSSFSheet sheet) {
    return wb.getXSSFWorkbook().getSheet(sheet.getSheetName()).getPackagePart().getPartName()
        .getName().substring(1);
  }

  // Excel refuses longer cell text; the cut is marked so that nobody takes it for the whole.
  static String clip(String s) {
    if (s.length() <= MAX_TEXT) {
      return s;
    }
    int end = MAX_TEXT - 1;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end) + "\u2026";
  }

  private static int width(int content) {
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, content + 1));
  }

  private static int longestWord(String s) {
    int longest = 0;
    for (String w : s.split(" ")) {
      longest = Math.max(longest, w.length());
    }
    return longest;
  }

  // the lines a header takes, wrapped at spaces into this many characters
  static int lines(String s, int width) {
    int lines = 1;
    int at = 0;
    for (String w : s.split(" ")) {
      if (at > 0 && at + 1 + w.length() > width) {
        lines++;
        at = w.length();
      } else {
        at += (at > 0 ? 1 : 0) + w.length();
      }
    }
    return lines;
  }

  // the width of a value as its format shows it
  private static int width(Column c, Object v) {
    return switch (c.type()) {
      case SHARE -> 5;
      case BOOLEAN -> 5;
      case INTEGER -> c.key().equals("population") ? grouped(Cells.number(v)) : Cells.number(v)
          .length();
      case NUMBER -> c.key().endsWith("_eur")
          ? 2 + grouped(Long.toString(Math.round((Double) v))) : Cells.number(v).length();
      default -> ((String) v).codePointCount(0, ((String) v).length());
    };
  }

  // the length of a whole number with a separator every three digits
  private static int grouped(String digits) {
    int n = digits.startsWith("-") ? digits.length() - 1 : digits.length();
    return digits.length() + Math.max(0, (n - 1) / 3);
  }

  // The Excel table over the sheet: header plus data, at least one (empty) data row, since a
  // table of a header alone is damaged in Excel's eyes.
  private Part finish(SXSSFSheet sheet, List<Column> shown, int dataRows) {
    String name = tableName(sheet.getSheetName());
    AreaReference area = new AreaReference(new CellReference(0, 0),
        new CellReference(Math.max(dataRows, 1), shown.size() - 1), SpreadsheetVersion.EXCEL2007);
    List<String> headers = new ArrayList<>(shown.size());
    for (Column c : shown) {
      headers.add(c.header());
    }
    CTTable ct = table(wb.getXSSFWorkbook().getSheet(sheet.getSheetName()), area, name, headers)
        .getCTTable();
    if (!ct.isSetAutoFilter()) {
      ct.addNewAutoFilter();
    }
    ct.getAutoFilter().setRef(area.formatAsString());
    CTTableStyleInfo style = ct.isSetTableStyleInfo() ? ct.getTableStyleInfo()
        : ct.addNewTableStyleInfo();
    style.setName(TABLE_STYLE);
    style.setShowRowStripes(true);
    style.setShowColumnStripes(false);
    style.setShowFirstColumn(false);
    style.setShowLastColumn(false);
    return new Part(sheet.getSheetName(), name, dataRows);
  }

  /**
   * A table on {@code sheet} over {@code area} (no sheet name in it), named {@code name}, with
   * these column names: the XML that POI's {@code createTable(area)} makes, named and with the
   * names put in (TableSheetsTest holds the two side by side).
   *
   * <p>Not made by createTable(area): POI adds the columns one at a time and after each looks for
   * the header cells, which it cannot see (they are streamed), making a DataFormatter every time,
   * a tenth of a small workbook. So the table is made without an area and its XML set here: the
   * attributes id, ref, displayName and name in that order (XMLBeans keeps the order in which
   * they were first set), then the columns, each with its id and then its name.
   */
  static XSSFTable table(XSSFSheet sheet, AreaReference area, String name, List<String> headers) {
    XSSFTable table = sheet.createTable(null);
    CTTable ct = table.getCTTable();
    CTTable made = CTTable.Factory.newInstance();
    made.setId(ct.getId());
    made.setRef(area.formatAsString());
    made.setDisplayName(name);
    made.setName(name);
    CTTableColumns columns = made.addNewTableColumns();
    for (int k = 0; k < headers.size(); k++) {
      CTTableColumn column = columns.addNewTableColumn();
      columns.setCount(k + 1L);
      column.setId(k + 1L);
      column.setName(headers.get(k));
    }
    ct.set(made);
    table.updateReferences();
    table.setName(name); // the same value again, for the name XSSFTable keeps of its own
    return table;
  }

  /** A valid, unused table name from a sheet name: {@code Measures 2} gives {@code Measures_2}. */
  private String tableName(String sheet) {
    StringBuilder b = new StringBuilder();
    for (char c : sheet.toCharArray()) {
      b.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_') ? c : '_');
    }
    String base = b.toString();
    if (!Character.isLetter(base.charAt(0)) && base.charAt(0) != '_'
        || REFERENCE.matcher(base).matches()) {
      base = "T_" + base;
    }
    String name = base;
    for (int i = 2; !tableNames.add(name.toLowerCase(Locale.ROOT)); i++) {
      name = base + "_" + i;
    }
    return name;
  }
}
