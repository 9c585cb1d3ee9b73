package org.polcomp.report.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.ss.util.CellReference;
import org.polcomp.report.Cells;
import org.polcomp.report.Column;
import org.polcomp.report.Table;

/**
 * The data rows of one sheet of a table, written as SpreadsheetML straight into the package by
 * {@link Repack}, not through POI: POI's streaming writer makes two objects per cell, writes every
 * sheet to a temporary file and copies it into the package uncompressed, which for two million
 * measures took longer than reading them. The XML is the bytes POI would write for the same cells
 * (a test compares them); the sheets of a workbook are written on several threads at once.
 *
 * @param part the sheet's zip entry, e.g. {@code xl/worksheets/sheet2.xml}
 * @param table the table the rows come from
 * @param start the first row of the table on this sheet (0-based)
 * @param count the number of rows on this sheet
 * @param shown the columns shown, in sheet order
 * @param index for each shown column, its place in a table row
 * @param styles for each shown column, the cell style of its values (0: none)
 * @param linkStyle the cell style of hyperlinks
 */
record SheetRows(String part, Table table, long start, int count, List<Column> shown,
    int[] index, int[] styles, int linkStyle) {

  SheetRows {
    shown = List.copyOf(shown);
    index = index.clone();
    styles = styles.clone();
    if (styles.length != shown.size() || index.length != shown.size()) {
      throw new IllegalArgumentException("one index and one style per shown column");
    }
  }

  /**
   * The range the sheet's cells cover, header included, as its {@code <dimension>} says it:
   * readers in streaming mode (openpyxl's read-only mode) read only that far.
   */
  String dimension() {
    return "A1:" + CellReference.convertNumToColString(shown.size() - 1) + Math.max(1, count + 1);
  }

  /** Writes the rows (after the header row); URLs get a hyperlink from {@code links}. */
  void write(OutputStream out, Hyperlinks links) throws IOException {
    Xml x = new Xml(out);
    String[] columns = new String[shown.size()];
    for (int k = 0; k < columns.length; k++) {
      columns[k] = CellReference.convertNumToColString(k);
    }
    Iterator<List<Object>> rows = table.rowsFrom(start).iterator();
    for (int i = 0; i < count; i++) {
      if (!rows.hasNext()) {
        throw new IllegalStateException("table " + table.key() + " has fewer rows than counted");
      }
      List<Object> data = rows.next();
      int r = i + 1; // 0-based row index: the header is row 0
      String number = Integer.toString(r + 1);
      x.ascii("<row r=\"").ascii(number).ascii("\">\n");
      for (int k = 0; k < columns.length; k++) {
        Object v = Cells.value(table, start + i, data, index[k]);
        if (v == null) {
          continue;
        }
        x.ascii("<c r=\"").ascii(columns[k]).ascii(number).ascii("\"");
        switch (shown.get(k).type()) {
          case INTEGER -> number(x, styles[k], ((Long) v).doubleValue());
          case NUMBER, SHARE -> number(x, styles[k], (Double) v);
          case BOOLEAN -> x.ascii(" t=\"b\"><v>").ascii((Boolean) v ? "1" : "0").ascii("</v>");
          case URL -> {
            String url = (String) v;
            boolean linked = links.add(part, r, k, url);
            text(x, linked ? linkStyle : 0, TableSheets.clip(url));
          }
          // a string cell, never a formula, whatever the text looks like
          default -> text(x, styles[k], TableSheets.clip((String) v));
        }
        x.ascii("</c>");
      }
      x.ascii("</row>\n");
    }
    x.flush();
  }

  private static void style(Xml x, int style) throws IOException {
    if (style != 0) {
      x.ascii(" s=\"").ascii(Integer.toString(style)).ascii("\"");
    }
  }

  // finite: Cells.value makes NaN and infinities empty cells
  private static void number(Xml x, int style, double v) throws IOException {
    style(x, style);
    x.ascii(" t=\"n\"><v>").number(v).ascii("</v>");
  }

  private static void text(Xml x, int style, String s) throws IOException {
    style(x, style);
    x.ascii(" t=\"inlineStr\"><is><t");
    if (!s.isEmpty() && (Character.isWhitespace(s.charAt(0))
        || Character.isWhitespace(s.charAt(s.length() - 1)))) {
      x.ascii(" xml:space=\"preserve\"");
    }
    x.ascii(">").text(s).ascii("</t></is>");
  }

  /**
   * UTF-8 into a buffer, with POI's escaping of cell text; unsynchronized, unlike a Writer, since
   * it is called a few times for each of tens of millions of cells.
   */
  static final class Xml {
    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int at;

    Xml(OutputStream out) {
      this.out = out;
    }

    /**
     * The characters of the text being written. The loops below read this copy rather than
     * {@code String.charAt}, which the quick compiler (C1, the launcher's choice for most
     * inputs) does not inline: on a workbook of 40,000 measures that call was a third of the
     * writer's time.
     */
    private char[] chars = new char[256];

    private char[] charsOf(String s, int n) {
      if (chars.length < n) {
        chars = new char[Math.max(n, 2 * chars.length)];
      }
      s.getChars(0, n, chars, 0);
      return chars;
    }

    /**
     * Text known to be ASCII without anything to escape: tags, numbers, references. Copied by
     * {@code String.getBytes(int, int, byte[], int)}, which takes each character's low byte (the
     * character itself, for ASCII) with one array copy.
     */
    @SuppressWarnings("deprecation")
    Xml ascii(String s) throws IOException {
      int n = s.length();
      if (at + n > buffer.length) {
        flush();
        if (n > buffer.length) {
          out.write(s.getBytes(StandardCharsets.ISO_8859_1));
          return this;
        }
      }
      s.getBytes(0, n, buffer, at);
      at += n;
      return this;
    }

    /**
     * A number as {@link Double#toString(double)} writes it, which is what POI writes. A whole
     * number under ten million, which is most of them (counts, scores, lines), is written digit by
     * digit with the {@code .0} that {@code Double.toString} gives it; on 40,000 measures the
     * general conversion was a sixth of writing the rows.
     */
    Xml number(double v) throws IOException {
      long whole = (long) v;
      if (whole != v || whole <= -WHOLE_BELOW || whole >= WHOLE_BELOW
          || Double.doubleToRawLongBits(v) == NEGATIVE_ZERO) {
        return ascii(Double.toString(v));
      }
      if (at + 11 > buffer.length) {
        flush();
      }
      if (whole < 0) {
        buffer[at++] = '-';
        whole = -whole;
      }
      int first = at;
      do {
        buffer[at++] = (byte) ('0' + whole % 10);
        whole /= 10;
      } while (whole != 0);
      for (int i = first, j = at - 1; i < j; i++, j--) {
        byte b = buffer[i];
        buffer[i] = buffer[j];
        buffer[j] = b;
      }
      buffer[at++] = '.';
      buffer[at++] = '0';
      return this;
    }

    // Double.toString writes whole numbers from ten million up as 1.0E7
    private static final long WHOLE_BELOW = 10_000_000;
    private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);

    /** Cell text, escaped as POI's sheet writer escapes it. */
    Xml text(String s) throws IOException {
      int n = s.length();
      char[] c = charsOf(s, n);
      for (int i = 0; i < n; i++) {
        char ch = c[i];
        if (ch < 0x80) {
          switch (ch) {
            case '<' -> ascii("&lt;");
            case '>' -> ascii("&gt;");
            case '&' -> ascii("&amp;");
            case '"' -> ascii("&quot;");
            case '\n' -> ascii("&#xa;");
            case '\r' -> ascii("&#xd;");
            case '\t' -> ascii("&#x9;");
            default -> put(ch < ' ' ? '?' : ch); // other control characters are not XML
          }
        } else if (ch == '\u00A0') {
          ascii("&#xa0;");
        } else if (Character.isHighSurrogate(ch) && i + 1 < n
            && Character.isLowSurrogate(c[i + 1])) {
          codePoint(Character.toCodePoint(ch, c[++i]));
        } else if (Character.isSurrogate(ch) || ch >= '\uFFFE') {
          put('?'); // a lone surrogate or a non-character, as POI and its encoder write them
        } else {
          codePoint(ch);
        }
      }
      return this;
    }

    private void codePoint(int cp) throws IOException {
      if (at + 4 > buffer.length) {
        flush();
      }
      if (cp < 0x800) {
        buffer[at++] = (byte) (0xC0 | cp >> 6);
        buffer[at++] = (byte) (0x80 | cp & 0x3F);
      } else if (cp < 0x10000) {
        buffer[at++] = (byte) (0xE0 | cp >> 12);
        buffer[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
        buffer[at++] = (byte) (0x80 | cp & 0x3F);
      } else {
        buffer[at++] = (byte) (0xF0 | cp >> 18);
        buffer[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
        buffer[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
        buffer[at++] = (byte) (0x80 | cp & 0x3F);
      }
    }

    private void put(int b) throws IOException {
      if (at == buffer.length) {
        flush();
      }
      buffer[at++] = (byte) b;
    }

    void flush() throws IOException {
      out.write(buffer, 0, at);
      at = 0;
    }
  }
}
