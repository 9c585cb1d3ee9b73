package org.polcomp.report.xlsx;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.polcomp.report.Column;

/** The few cell styles of a workbook, created once (Excel limits their number). */
final class Styles {
  /** The format of shares: fractions shown as whole percentages. */
  static final String PERCENT = "0%";
  /** The format of counts and other whole numbers. */
  static final String INTEGER = "0";
  /** The format of large whole numbers (population), with thousands separators. */
  static final String THOUSANDS = "#,##0";
  /** The format of euro amounts, whole euros. */
  static final String EURO = "\u20AC #,##0";

  /** The header of a text column. */
  final CellStyle header;
  /** The header of a number column, right-aligned over its right-aligned values. */
  final CellStyle headerRight;
  /** The header of a true/false column, centred as its values are. */
  final CellStyle headerCentre;
  /** A text header and text indented a little, after a right-aligned column. */
  final CellStyle headerIndented;
  final CellStyle indented;
  final CellStyle percent;
  final CellStyle integer;
  final CellStyle thousands;
  final CellStyle euro;
  final CellStyle link;
  /** The Overview's title. */
  final CellStyle title;
  /** Bold text, left and top. */
  final CellStyle bold;
  /** Wrapped text, top-aligned: the Overview's definitions. */
  final CellStyle wrap;

  Styles(Workbook wb) {
    DataFormat formats = wb.createDataFormat();
    Font boldFont = wb.createFont();
    boldFont.setBold(true);
    // headers wrap at their spaces, so that a column is as wide as its values need
    header = wb.createCellStyle();
    header.setFont(boldFont);
    header.setWrapText(true);
    header.setVerticalAlignment(VerticalAlignment.TOP);
    headerRight = wb.createCellStyle();
    headerRight.cloneStyleFrom(header);
    headerRight.setAlignment(HorizontalAlignment.RIGHT);
    headerCentre = wb.createCellStyle();
    headerCentre.cloneStyleFrom(header);
    headerCentre.setAlignment(HorizontalAlignment.CENTER);

    headerIndented = wb.createCellStyle();
    headerIndented.setFont(boldFont);
    headerIndented.setIndention((short) 1);
    indented = wb.createCellStyle();
    indented.setIndention((short) 1);

    percent = format(wb, formats, PERCENT);
    integer = format(wb, formats, INTEGER);
    thousands = format(wb, formats, THOUSANDS);
    euro = format(wb, formats, EURO);

    Font blue = wb.createFont();
    blue.setUnderline(Font.U_SINGLE);
    blue.setColor(IndexedColors.BLUE.getIndex());
    link = wb.createCellStyle();
    link.setFont(blue);

    Font big = wb.createFont();
    big.setBold(true);
    big.setFontHeightInPoints((short) 16);
    title = wb.createCellStyle();
    title.setFont(big);
    bold = wb.createCellStyle();
    bold.setFont(boldFont);
    bold.setVerticalAlignment(VerticalAlignment.TOP);
    wrap = wb.createCellStyle();
    wrap.setWrapText(true);
    wrap.setVerticalAlignment(VerticalAlignment.TOP);
  }

  private static CellStyle format(Workbook wb, DataFormat formats, String format) {
    CellStyle s = wb.createCellStyle();
    s.setDataFormat(formats.getFormat(format));
    return s;
  }

  /** The style of a column's values, or null for none (General). */
  CellStyle of(Column c) {
    return switch (c.type()) {
      case SHARE -> percent;
      case INTEGER -> c.key().equals("population") ? thousands : integer;
      case NUMBER -> c.key().endsWith("_eur") ? euro : null;
      default -> null;
    };
  }

  /** The style of a column's header: aligned as its values are. */
  CellStyle headerOf(Column c) {
    return switch (c.type()) {
      case INTEGER, NUMBER, SHARE -> headerRight;
      case BOOLEAN -> headerCentre;
      default -> header;
    };
  }
}
