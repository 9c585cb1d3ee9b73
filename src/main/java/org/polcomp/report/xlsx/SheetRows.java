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

  /**
   * Writes the rows (after the header row); URLs get a hyperlink from {@code links}.
   *
   * <p>The markup around the values is made once per column as bytes (the cell reference's
   * letters, the style, the type) and copied: written piece by piece from strings, it was a
   * third of writing the rows of a large sheet, which is most of the time a workbook of
   * hundreds of thousands of measures spends after reading them.
   */
  void write(OutputStream out, Hyperlinks links) throws IOException {
    Xml x = new Xml(out);
    int columns = shown.size();
    // per column: "<c r=\"AB" before the row number, and after it the style and type up to the
    // value ("\" s=\"3\" t=\"n\"><v>"); a URL column has one head for linked cells, one without
    byte[][] open = new byte[columns][];
    byte[][] head = new byte[columns][];
    byte[][] linkedHead = new byte[columns][];
    for (int k = 0; k < columns; k++) {
      open[k] = bytes("<c r=\"" + CellReference.convertNumToColString(k));
      head[k] = bytes(switch (shown.get(k).type()) {
        case INTEGER, NUMBER, SHARE -> "\"" + style(styles[k]) + " t=\"n\"><v>";
        case BOOLEAN -> "\" t=\"b\"><v>";
        case URL -> "\"" + TEXT;
        default -> "\"" + style(styles[k]) + TEXT;
      });
      linkedHead[k] = bytes("\"" + style(linkStyle) + TEXT);
    }
    byte[] number = new byte[12];
    Iterator<List<Object>> rows = table.rowsFrom(start).iterator();
    for (int i = 0; i < count; i++) {
      if (!rows.hasNext()) {
        throw new IllegalStateException("table " + table.key() + " has fewer rows than counted");
      }
      List<Object> data = rows.next();
      int r = i + 1; // 0-based row index: the header is row 0
      int digits = digits(r + 1, number, 0);
      x.bytes(ROW).bytes(number, digits).bytes(ROW_HEAD_END);
      for (int k = 0; k < columns; k++) {
        Object v = Cells.value(table, start + i, data, index[k]);
        if (v == null) {
          continue;
        }
        x.bytes(open[k]).bytes(number, digits);
        switch (shown.get(k).type()) {
          case INTEGER -> x.bytes(head[k]).number(((Long) v).doubleValue()).bytes(VALUE_END);
          // finite: Cells.value makes NaN and infinities empty cells
          case NUMBER, SHARE -> x.bytes(head[k]).number((Double) v).bytes(VALUE_END);
          case BOOLEAN -> x.bytes(head[k]).bytes((Boolean) v ? TRUE : FALSE).bytes(VALUE_END);
          case URL -> {
            String url = (String) v;
            boolean linked = links.add(part, r, k, url);
            text(x, linked ? linkedHead[k] : head[k], TableSheets.clip(url));
          }
          // a string cell, never a formula, whatever the text looks like
          default -> text(x, head[k], TableSheets.clip((String) v));
        }
      }
      x.bytes(ROW_END);
    }
    x.flush();
  }

  // the type of a text cell, up to its value's tag, which may still take xml:space
  private static final String TEXT = " t=\"inlineStr\"><is><t";
  private static final byte[] ROW = bytes("<row r=\"");
  private static final byte[] ROW_HEAD_END = bytes("\">\n");
  private static final byte[] ROW_END = bytes("</row>\n");
  private static final byte[] VALUE_END = bytes("</v></c>");
  private static final byte[] TEXT_END = bytes("</t></is></c>");
  private static final byte[] PRESERVE = bytes(" xml:space=\"preserve\">");
  private static final byte[] TAG_END = bytes(">");
  private static final byte[] TRUE = bytes("1");
  private static final byte[] FALSE = bytes("0");

  private static byte[] bytes(String ascii) {
    return ascii.getBytes(StandardCharsets.US_ASCII);
  }

  private static String style(int style) {
    return style == 0 ? "" : " s=\"" + style + "\"";
  }

  // The decimal digits of n (at least 0) into to from at; returns the index after them.
  private static int digits(long n, byte[] to, int at) {
    int first = at;
    do {
      to[at++] = (byte) ('0' + n % 10);
      n /= 10;
    } while (n != 0);
    for (int i = first, j = at - 1; i < j; i++, j--) {
      byte b = to[i];
      to[i] = to[j];
      to[j] = b;
    }
    return at;
  }

  private static void text(Xml x, byte[] head, String s) throws IOException {
    x.bytes(head);
    boolean preserve = !s.isEmpty() && (Character.isWhitespace(s.charAt(0))
        || Character.isWhitespace(s.charAt(s.length() - 1)));
    x.bytes(preserve ? PRESERVE : TAG_END).text(s).bytes(TEXT_END);
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
      at = digits(whole, buffer, at);
      buffer[at++] = '.';
      buffer[at++] = '0';
      return this;
    }

    // Double.toString writes whole numbers from ten million up as 1.0E7
    private static final long WHOLE_BELOW = 10_000_000;
    private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);

    /** Bytes as they are. */
    Xml bytes(byte[] b) throws IOException {
      return bytes(b, b.length);
    }

    /** The first {@code n} bytes of {@code b}, as they are. */
    Xml bytes(byte[] b, int n) throws IOException {
      if (at + n > buffer.length) {
        flush();
        if (n > buffer.length) {
          out.write(b, 0, n);
          return this;
        }
      }
      System.arraycopy(b, 0, buffer, at, n);
      at += n;
      return this;
    }

    /**
     * Cell text, escaped as POI's sheet writer escapes it. Runs of characters that need nothing
     * (printable ASCII but the four that XML escapes) are copied in a loop of their own, with
     * room for the whole run made first; everything else goes one character at a time.
     */
    Xml text(String s) throws IOException {
      int n = s.length();
      char[] c = charsOf(s, n);
      int i = 0;
      while (i < n) {
        if (at + (n - i) > buffer.length) {
          flush();
        }
        int end = i + Math.min(n - i, buffer.length - at);
        byte[] b = buffer;
        int a = at;
        while (i < end) {
          char ch = c[i];
          if (ch >= 0x80 || !PLAIN[ch]) {
            break;
          }
          b[a++] = (byte) ch;
          i++;
        }
        at = a;
        if (i < end) {
          i = special(c, i, n);
        }
      }
      return this;
    }

    // Printable ASCII that cell text keeps as it is.
    private static final boolean[] PLAIN = new boolean[0x80];

    static {
      for (char ch = ' '; ch < 0x7F; ch++) {
        PLAIN[ch] = ch != '<' && ch != '>' && ch != '&' && ch != '"';
      }
    }

    // Writes the character at i, one that is not PLAIN; returns the index after it.
    private int special(char[] c, int i, int n) throws IOException {
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
          default -> put(ch < ' ' ? '?' : ch); // other control characters are not XML; DEL is
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
      return i + 1;
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
