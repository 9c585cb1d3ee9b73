package org.polcomp.report.xlsx;

import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * How a sheet prints (OUTPUTS.md): A4 landscape, fit to one page wide, the sheet name and the
 * page number in the footer; a table sheet repeats its header row on every page and prints only
 * its table (the charts beside it print on the Overview).
 */
final class Printing {
  private Printing() {}

  /** The footer: sheet name, page of pages (Excel's codes &A, &P, &N). */
  static final String FOOTER = "&A \u2014 page &P of &N";

  /** A table sheet of {@code columns} columns and {@code dataRows} rows after the header. */
  static void table(SXSSFWorkbook wb, Sheet sheet, int columns, int dataRows) {
    page(sheet, 0);
    sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
    wb.setPrintArea(wb.getSheetIndex(sheet), "$A$1:$"
        + CellReference.convertNumToColString(columns - 1) + "$" + Math.max(1, dataRows + 1));
  }

  /**
   * Landscape A4, one page wide and {@code pagesHigh} pages high (0: as many as it takes), narrow
   * margins.
   */
  static void page(Sheet sheet, int pagesHigh) {
    PrintSetup p = sheet.getPrintSetup();
    p.setPaperSize(PrintSetup.A4_PAPERSIZE);
    p.setLandscape(true);
    p.setFitWidth((short) 1);
    p.setFitHeight((short) pagesHigh);
    sheet.setFitToPage(true);
    sheet.setAutobreaks(true);
    sheet.setMargin(PageMargin.LEFT, 0.4);
    sheet.setMargin(PageMargin.RIGHT, 0.4);
    sheet.setMargin(PageMargin.TOP, 0.5);
    sheet.setMargin(PageMargin.BOTTOM, 0.6);
    sheet.setMargin(PageMargin.HEADER, 0.3);
    sheet.setMargin(PageMargin.FOOTER, 0.3);
    sheet.getFooter().setCenter(FOOTER);
  }
}
