package org.polcomp.load;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

  private XlsxGrids() {}

  /** The sheets of the workbook in {@code bytes}, or null when it cannot be read (reported). */
  static List<Grid> read(String file, byte[] bytes, Limits limits, Consumer<Diagnostic> out) {
    // POI keeps these guards in static settings; every read sets the same values again.
    ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    long maxEntry = Math.min(Integer.MAX_VALUE - 8L, limits.maxFileBytes() * EXPANSION);
    ZipSecureFile.setMaxEntrySize(Math.max(1, maxEntry));
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      List<Grid> grids = new ArrayList<>();
      for (int i = 0; i < wb.getNumberOfSheets(); i++) {
        grids.add(grid(wb.getSheetAt(i)));
      }
      return grids;
    } catch (IOException | RuntimeException e) {
      // Any failure of POI on a hostile file is that file's problem, reported at the file.
      String msg = String.valueOf(e.getMessage());
      if (msg.contains("Zip bomb") || msg.contains("max size") || msg.contains("exceed")) {
        out.accept(Diagnostic.of(SourceLocation.ofFile(file), Code.E003, String.format(
            Locale.ROOT, "the workbook expands to more than %,d bytes or packs its data more"
                + " densely than a spreadsheet does (a zip bomb)", maxEntry),
            "save the workbook again in Excel or LibreOffice, or raise --max-file-size"));
      } else {
        out.accept(Diagnostic.of(SourceLocation.ofFile(file), Code.E023,
            "cannot read " + file + ": not an Excel workbook (.xlsx) that can be opened ("
                + Fields.clip(firstLine(msg)) + ")",
            "save it from Excel, LibreOffice or Google Sheets as .xlsx"));
      }
      return null;
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static Grid grid(Sheet sheet) {
    List<List<Grid.Cell>> rows = new ArrayList<>();
    for (Row row : sheet) {
      List<Grid.Cell> cells = new ArrayList<>();
      for (Cell c : row) {
        Grid.Cell cell = cell(c);
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
    return new Grid(sheet.getSheetName(), rows, merges);
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
