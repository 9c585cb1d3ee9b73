package org.polcomp.report.xlsx;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Workbook;

/** The few cell styles of a workbook, created once (Excel limits their number). */
final class Styles {
  /** The format of shares: fractions shown as percentages. */
  static final String PERCENT = "0.0%";

  final CellStyle header;
  final CellStyle percent;
  final CellStyle link;

  Styles(Workbook wb) {
    Font bold = wb.createFont();
    bold.setBold(true);
    header = wb.createCellStyle();
    header.setFont(bold);

    percent = wb.createCellStyle();
    percent.setDataFormat(wb.createDataFormat().getFormat(PERCENT));

    Font blue = wb.createFont();
    blue.setUnderline(Font.U_SINGLE);
    blue.setColor(IndexedColors.BLUE.getIndex());
    link = wb.createCellStyle();
    link.setFont(blue);
  }
}
