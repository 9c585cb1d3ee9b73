package org.polcomp.load;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTRow;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.diagnostic.SourceLocation;

/**
 * Reads the sheets of an {@code .xlsx} file with POI, as untrusted input: the zip-bomb and
 * entry-size guards on, formulas read as their cached value (never evaluated, so external links
 * are never followed), and a file POI cannot open reported, not thrown.
 */
final class XlsxGrids {
  /** Guards of POI's zip reader: an entry may expand to this many times the file size limit. */
  static final int EXPANSION = 4;
  /** The lowest compressed-to-expanded ratio of an entry before it counts as a zip bomb. */
  static final double MIN_INFLATE_RATIO = 0.01;

  /** The rows and columns of a sheet in Excel (1,048,576 rows, columns A to XFD). */
  static final int MAX_ROWS = 1_048_576;
  static final int MAX_COLUMNS = 16_384;
  /** A cell's reference as spreadsheets write it: column letters, then a row number. */
  private static final Pattern CELL_REF = Pattern.compile("([A-Z]+)(0|[1-9][0-9]*)");

  private XlsxGrids() {}

  /** The sheets of the workbook in {@code bytes}, or null when it cannot be read (reported). */
  static List<Grid> read(String file, byte[] bytes, Limits limits, Consumer<Diagnostic> out) {
    // POI keeps these guards in static settings; every read sets the same values again.
    ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    long maxEntry = Math.min(Integer.MAX_VALUE - 8L, limits.maxFileBytes() * EXPANSION);
    ZipSecureFile.setMaxEntrySize(Math.max(1, maxEntry));
    if (bytes.length == 0) {
      out.accept(unreadable(file, "the file is empty (0 bytes)"));
      return null;
    }
    if (!hasZipDirectory(bytes)) {
      // POI reads the entries in order and takes a file cut off after some of them for whole
      out.accept(unreadable(file, bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K'
          ? "the file is truncated or its zip archive is damaged"
          : "it is not a workbook saved as .xlsx (an .xlsx file is a zip archive of the"
              + " workbook's parts)"));
      return null;
    }
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      if (wb.getNumberOfSheets() == 0) {
        // a spreadsheet cannot save a workbook without a sheet
        out.accept(unreadable(file, "it holds no sheet"));
        return null;
      }
      List<Grid> grids = new ArrayList<>();
      // a workbook without its shared text: one report at the file, not one at every cell
      boolean noText = !hasText(wb.getSharedStringSource(), "0");
      boolean[] textLost = {false};
      for (int i = 0; i < wb.getNumberOfSheets(); i++) {
        grids.add(grid(file, wb.getSheetAt(i), noText, textLost, out));
      }
      if (textLost[0]) {
        out.accept(unreadable(file, "its cells refer to shared text, but it holds none (its"
            + " part of shared strings is missing or empty)"));
        return null;
      }
      return grids;
    } catch (IOException | RuntimeException e) {
      // Any failure of POI on a hostile file is that file's problem, reported at the file in the
      // user's terms: POI's own messages name Java classes and XML internals.
      String msg = String.valueOf(e.getMessage());
      if (msg.contains("Zip bomb") || msg.contains("max size") || msg.contains("exceed")
          || msg.contains("Tried to allocate")) {
        out.accept(Diagnostic.of(SourceLocation.ofFile(file), Code.E003, String.format(
            Locale.ROOT, "the workbook expands to more than %,d bytes or packs its data more"
                + " densely than a spreadsheet does (a zip bomb)", maxEntry),
            "save the workbook again in Excel or LibreOffice, or raise --max-file-size"));
      } else {
        out.accept(unreadable(file, why(e, msg)));
      }
      return null;
    }
  }

  /**
   * Whether a zip archive's end (its central directory's last record, signature PK 5 6) is in
   * the last 65,557 bytes, where the format puts it: a file cut off has lost it.
   */
  static boolean hasZipDirectory(byte[] bytes) {
    int from = Math.max(0, bytes.length - 22 - 65_535);
    for (int i = bytes.length - 22; i >= from; i--) {
      if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 5 && bytes[i + 3] == 6) {
        return true;
      }
    }
    return false;
  }

  private static Diagnostic unreadable(String file, String why) {
    return Diagnostic.of(SourceLocation.ofFile(file), Code.E031,
        "cannot read " + file + " as an Excel workbook (.xlsx): " + why,
        "open it in Excel, LibreOffice or Google Sheets and save it again as .xlsx");
  }

  /** What is wrong with a file POI could not open, from what POI says, in a user's words. */
  private static String why(Throwable e, String msg) {
    String all = msg;
    for (Throwable c = e.getCause(); c != null && c != e; c = c.getCause()) {
      all += " " + c.getMessage();
    }
    if (all.contains("DOCTYPE")) {
      return "its XML declares a document type (DOCTYPE), which no spreadsheet writes; it is"
          + " refused because it could make a reader fetch other files";
    }
    if (all.contains("zip signature") || all.contains("not a valid OOXML")
        || all.contains("No valid entries") || all.contains("OLE2")) {
      return "it is not a workbook saved as .xlsx (an .xlsx file is a zip archive of the"
          + " workbook's parts)";
    }
    if (all.contains("Truncated") || all.contains("truncated") || all.contains("EOF")
        || all.contains("ZIP") || all.contains("zip")) {
      return "the file is truncated or its zip archive is damaged";
    }
    if (all.contains("XmlException") || all.contains("SAX") || all.contains("parse")
        || all.contains("XML") || all.contains("content")) {
      return "a part of the workbook holds malformed XML";
    }
    return "its content is damaged or not in the .xlsx format";
  }

  private static Grid grid(String file, Sheet sheet, boolean noText, boolean[] textLost,
      Consumer<Diagnostic> out) {
    String name = sheet.getSheetName();
    SharedStrings sst = ((XSSFWorkbook) sheet.getWorkbook()).getSharedStringSource();
    List<List<Grid.Cell>> rows = new ArrayList<>();
    for (Row row : sheet) {
      XSSFRow xr = (XSSFRow) row;
      CTRow ct = xr.getCTRow();
      long number = ct.isSetR() ? ct.getR() : 0;
      if (number < 1 || number > MAX_ROWS) {
        // POI numbers such a row 0 or less, or past the sheet's end: its cells have no place
        out.accept(damaged(new SourceLocation(file, 1, 1, name), (ct.isSetR()
            ? "row number " + number + " is not a row of a sheet" : "a row has no row number")
            + " (a sheet has rows 1 to 1,048,576); its cells were not read"));
        continue;
      }
      Set<CTCell> misplaced = misplaced(file, name, xr, (int) number, out);
      List<Grid.Cell> cells = new ArrayList<>();
      for (Cell c : row) {
        XSSFCell xc = (XSSFCell) c;
        if (misplaced.contains(xc.getCTCell())) {
          continue;
        }
        Grid.Cell cell;
        SourceLocation at = new SourceLocation(file, c.getRowIndex() + 1, c.getColumnIndex() + 1,
            name);
        if (!hasItsText(xc, sst)) {
          if (noText) {
            textLost[0] = true;
            continue;
          }
          out.accept(damaged(at, "its text (shared string " + Diagnostic.clip(
              xc.getCTCell().getV()) + ") is not in the workbook"));
          continue;
        }
        try {
          cell = cell(c);
        } catch (RuntimeException e) {
          // a cell whose stored value contradicts its type (a number cell holding text): POI
          // cannot read it; the rest of the sheet can still be checked
          out.accept(damaged(at, "its stored value does not fit its type"));
          continue;
        }
        if (cell != null) {
          cells.add(cell);
        }
      }
      if (!cells.isEmpty()) {
        rows.add(cells);
      }
    }
    List<Grid.Merge> merges = new ArrayList<>();
    for (CellRangeAddress r : sheet.getMergedRegions()) {
      if (r.getNumberOfCells() > 1) {
        merges.add(new Grid.Merge(r.getFirstRow() + 1, r.getFirstColumn() + 1,
            r.formatAsString()));
      }
    }
    return new Grid(name, rows, merges);
  }

  private static Diagnostic damaged(SourceLocation at, String why) {
    return Diagnostic.of(at, Code.E031, "the cell is damaged: " + why,
        "type the value into the cell again in a spreadsheet and save the workbook");
  }

  /**
   * The cells of a row whose reference (its {@code r}) names no cell of the sheet, or a cell of
   * another row, reported at the row. POI keeps a column in 16 bits, so that ZZZZZ2 would come
   * back as a negative column and a column past 65,535 as another cell; A0 would land in column
   * A. A cell such a one pushed out of POI's row is put back, so that its value is still read.
   */
  private static Set<CTCell> misplaced(String file, String sheet, XSSFRow row, int number,
      Consumer<Diagnostic> out) {
    Set<CTCell> bad = Collections.newSetFromMap(new IdentityHashMap<>());
    Map<Integer, CTCell> good = new TreeMap<>();
    for (CTCell c : row.getCTRow().getCArray()) {
      if (!c.isSetR()) {
        continue; // placed after the cell before it, as the format says
      }
      String ref = c.getR();
      Matcher m = CELL_REF.matcher(ref);
      String why = null;
      if (!m.matches()) {
        why = "is not a cell reference such as C2";
      } else if (m.group(1).length() > 3 || column(m.group(1)) > MAX_COLUMNS
          || m.group(2).length() > 7 || Integer.parseInt(m.group(2)) > MAX_ROWS
          || m.group(2).equals("0")) {
        why = "is outside a sheet (columns A to XFD, rows 1 to 1,048,576)";
      } else if (Integer.parseInt(m.group(2)) != number) {
        why = "is not in its row, " + number;
      }
      if (why != null) {
        bad.add(c);
        out.accept(damaged(new SourceLocation(file, number, 1, sheet), "its reference '"
            + Diagnostic.clip(ref) + "' " + why));
      } else {
        good.put(column(m.group(1)) - 1, c);
      }
    }
    if (!bad.isEmpty()) {
      for (Map.Entry<Integer, CTCell> e : good.entrySet()) {
        XSSFCell now = row.getCell(e.getKey());
        if (now != null && now.getCTCell() != e.getValue()) {
          // createCell empties the cell that took its place and makes a new one on its XML
          XSSFCell back = row.createCell(e.getKey());
          back.getCTCell().set(e.getValue().copy());
          bad.remove(back.getCTCell());
        }
      }
    }
    return bad;
  }

  /** The column number of letters A to ZZZ (1 to 18,278); more letters are past the end. */
  private static int column(String letters) {
    int n = 0;
    for (int i = 0; i < Math.min(4, letters.length()); i++) {
      n = n * 26 + letters.charAt(i) - 'A' + 1;
    }
    return n;
  }

  /**
   * Whether a cell of shared text names text the workbook holds: POI reads a number past the
   * end of the shared strings as an empty cell.
   */
  private static boolean hasItsText(XSSFCell c, SharedStrings sst) {
    CTCell ct = c.getCTCell();
    return !ct.isSetT() || ct.getT() != STCellType.S || ct.isSetF() || !ct.isSetV()
        || hasText(sst, ct.getV());
  }

  /** Whether the shared strings hold an item of the number {@code index}. */
  private static boolean hasText(SharedStrings sst, String index) {
    try {
      return sst != null && sst.getItemAt(Integer.parseInt(index.strip())) != null;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static Grid.Cell cell(Cell c) {
    int row = c.getRowIndex() + 1;
    int col = c.getColumnIndex() + 1;
    CellType type = c.getCellType();
    boolean formula = type == CellType.FORMULA;
    if (formula) {
      type = c.getCachedFormulaResultType();
    }
    return switch (type) {
      case STRING -> {
        String s = c.getStringCellValue();
        yield s.isEmpty() ? null : new Grid.Cell(row, col, Grid.Type.TEXT, s, formula);
      }
      case NUMERIC -> {
        if (DateUtil.isCellDateFormatted(c)) {
          // A date the spreadsheet made of what was typed: the day it shows.
          yield new Grid.Cell(row, col, Grid.Type.DATE,
              c.getLocalDateTimeCellValue().toLocalDate().toString(), formula);
        }
        yield new Grid.Cell(row, col, Grid.Type.NUMBER, number(c.getNumericCellValue()),
            formula);
      }
      case BOOLEAN -> new Grid.Cell(row, col, Grid.Type.BOOLEAN,
          Boolean.toString(c.getBooleanCellValue()), formula);
      case ERROR -> new Grid.Cell(row, col, Grid.Type.ERROR,
          errorText(formula ? c.getErrorCellValue() : c.getErrorCellValue()), formula);
      default -> null;
    };
  }

  private static String errorText(byte code) {
    try {
      return FormulaError.forInt(code).getString();
    } catch (IllegalArgumentException e) {
      return "#ERROR";
    }
  }

  /** A number in plain decimal form: 2016, 12000.5 (no exponent, no trailing zeros). */
  static String number(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
