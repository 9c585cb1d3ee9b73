package org.polcomp.report.xlsx;

import java.io.IOException;
import java.io.Writer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * POI's sheet writer with the same output, written faster: a workbook of two million measures is
 * tens of millions of cells, and POI writes every character of every cell through a synchronized
 * writer and formats each cell reference through a new object. Text without a character that
 * needs escaping (almost all of it) is written whole; text with one goes through POI's own
 * escaping, and cell types other than text, number, boolean and blank through POI's own code, so
 * the bytes are POI's (a test compares them).
 */
final class FastSheetDataWriter extends SheetDataWriter {
  // column letters by index, made once per writer: "A", "B", ... "AA" ...
  private final String[] columns = new String[128];
  private int row;

  /** A writer into a temporary file, as POI's. */
  FastSheetDataWriter() throws IOException {
    super();
  }

  /** A writer into {@code out}, for tests. */
  FastSheetDataWriter(Writer out) throws IOException {
    super(out);
  }

  @Override
  public void writeRow(int rownum, SXSSFRow r) throws IOException {
    row = rownum;
    super.writeRow(rownum, r);
  }

  @Override
  public void writeCell(int columnIndex, Cell cell) throws IOException {
    if (cell == null) {
      return;
    }
    CellType type = cell.getCellType();
    if (type != CellType.STRING && type != CellType.NUMERIC && type != CellType.BOOLEAN
        && type != CellType.BLANK) {
      super.writeCell(columnIndex, cell);
      return;
    }
    _out.write("<c r=\"");
    _out.write(column(columnIndex));
    _out.write(Integer.toString(row + 1));
    _out.write('"');
    int style = cell.getCellStyle().getIndex() & 0xffff;
    if (style != 0) {
      _out.write(" s=\"");
      _out.write(Integer.toString(style));
      _out.write('"');
    }
    switch (type) {
      case STRING -> {
        String value = cell.getStringCellValue();
        _out.write(" t=\"inlineStr\"><is><t");
        if (edgeSpace(value)) {
          _out.write(" xml:space=\"preserve\"");
        }
        _out.write('>');
        outputEscapedString(value);
        _out.write("</t></is>");
      }
      case NUMERIC -> {
        _out.write(" t=\"n\"><v>");
        _out.write(Double.toString(cell.getNumericCellValue()));
        _out.write("</v>");
      }
      case BOOLEAN -> {
        _out.write(" t=\"b\"><v>");
        _out.write(cell.getBooleanCellValue() ? '1' : '0');
        _out.write("</v>");
      }
      default -> _out.write('>'); // blank
    }
    _out.write("</c>");
  }

  private String column(int index) {
    if (index >= columns.length) {
      return CellReference.convertNumToColString(index);
    }
    String c = columns[index];
    if (c == null) {
      c = CellReference.convertNumToColString(index);
      columns[index] = c;
    }
    return c;
  }

  // POI marks text that starts or ends with white space to be kept as it is
  private static boolean edgeSpace(String s) {
    return s != null && !s.isEmpty()
        && (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1)));
  }

  @Override
  protected void outputEscapedString(String s) throws IOException {
    if (s == null || s.isEmpty()) {
      return;
    }
    if (plain(s)) {
      _out.write(s);
    } else {
      super.outputEscapedString(s);
    }
  }

  /** Whether POI's escaping would write {@code s} unchanged. */
  static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < ' ' || c == '<' || c == '>' || c == '&' || c == '"' || c == '\u00A0'
          || c >= '\uFFFE') {
        return false;
      }
    }
    return true;
  }
}
