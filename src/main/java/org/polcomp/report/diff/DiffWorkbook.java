package org.polcomp.report.diff;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.polcomp.report.Column;
import org.polcomp.report.ColumnType;
import org.polcomp.report.Report;
import org.polcomp.report.Table;

/**
 * A diff as a workbook: the {@code Summary} and {@code Changes} sheets, then {@code About} (the
 * versions and options). Each sheet has a bold, frozen header row, an autofilter, column widths
 * from its content, and prints landscape, one page wide, the header repeated; text from the data is always a string cell, never a formula. The same diff
 * gives the same bytes: the package carries no creation time and fixed entry times.
 */
public final class DiffWorkbook {
  // Excel's widest column is 255 characters; wider text wraps nowhere, so stop well before
  private static final int MAX_WIDTH = 80;
  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);

  private DiffWorkbook() {}

  /** Writes the report's tables and its About sheet; the stream stays open. */
  public static void write(Report report, OutputStream out) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      wb.getProperties().getCoreProperties().setCreated(Optional.empty());
      CellStyle header = wb.createCellStyle();
      Font bold = wb.createFont();
      bold.setBold(true);
      header.setFont(bold);
      CellStyle count = wb.createCellStyle();
      count.setDataFormat(wb.createDataFormat().getFormat("0"));
      for (Table t : report.tables()) {
        sheet(wb, header, count, t);
      }
      sheet(wb, header, count, report.aboutTable());
      wb.write(raw);
    }
    repack(raw.toByteArray(), out);
  }

  private static void sheet(XSSFWorkbook wb, CellStyle header, CellStyle count, Table t) {
    XSSFSheet sheet = wb.createSheet(t.sheet());
    List<Column> columns = t.columns();
    int[] widths = new int[columns.size()];
    XSSFRow head = sheet.createRow(0);
    for (int c = 0; c < columns.size(); c++) {
      XSSFCell cell = head.createCell(c);
      cell.setCellValue(columns.get(c).header());
      cell.setCellStyle(header);
      widths[c] = columns.get(c).header().length() + 3; // room for the filter button
    }
    int r = 1;
    for (List<Object> row : t.rows()) {
      XSSFRow x = sheet.createRow(r++);
      for (int c = 0; c < columns.size(); c++) {
        Object v = row.get(c);
        if (v == null) {
          continue;
        }
        XSSFCell cell = x.createCell(c);
        if (v instanceof Number n && columns.get(c).type() != ColumnType.TEXT) {
          cell.setCellValue(n.doubleValue());
          if (columns.get(c).type() == ColumnType.INTEGER) {
            cell.setCellStyle(count);
          }
          widths[c] = Math.max(widths[c], n.toString().length());
        } else {
          String s = v.toString();
          cell.setCellValue(s);
          widths[c] = Math.max(widths[c], Math.min(MAX_WIDTH, s.length()));
        }
      }
    }
    for (int c = 0; c < columns.size(); c++) {
      sheet.setColumnWidth(c, Math.min(MAX_WIDTH, widths[c] + 1) * 256);
    }
    sheet.createFreezePane(0, 1);
    // prints as the comparison's sheets do: landscape, one page wide, the header on every page
    sheet.getPrintSetup().setLandscape(true);
    sheet.setFitToPage(true);
    sheet.getPrintSetup().setFitWidth((short) 1);
    sheet.getPrintSetup().setFitHeight((short) 0);
    sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
    sheet.getFooter().setCenter("&A, page &P of &N");
    sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, columns.size() - 1));
  }

  // the same entries with a fixed time, so that two runs write the same bytes
  private static void repack(byte[] xlsx, OutputStream out) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(new org.polcomp.report.Unclosed(out));
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(copy);
        in.transferTo(zip);
        zip.closeEntry();
      }
    }
    zip.finish();
    zip.flush();
  }
}
