package org.polcomp.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * Writes each table of a report as {@code <key>.csv} into a directory (created if missing):
 * RFC 4180, UTF-8, {@code \n} line ends, a header row of column keys.
 *
 * <p>By default the files are for spreadsheets: a UTF-8 byte-order mark first, and a text cell
 * that starts with {@code = + - @}, a tab or a carriage return gets a {@code '} prefix so that it
 * is not run as a formula (OWASP, CSV injection). Text that is just a number ({@code -2}) cannot
 * run and is left alone. The raw mode writes neither, for scripts.
 *
 * <p>The folder is replaced as a whole ({@link AtomicFolder}): a run that fails or is interrupted
 * leaves the complete previous set of files.
 */
public final class CsvWriter implements ReportWriter {
  private static final Pattern NUMERIC = Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

  private final boolean raw;
  private final boolean bom;

  /** A writer for spreadsheets (BOM and formula guard) or, when {@code raw}, for scripts. */
  public CsvWriter(boolean raw) {
    this(raw, !raw);
  }

  /**
   * A writer with the formula guard unless {@code raw}, and a byte-order mark when {@code bom}
   * (never on standard output: a pipe's reader is a program, which the mark would only confuse).
   */
  public CsvWriter(boolean raw, boolean bom) {
    this.raw = raw;
    this.bom = bom;
  }

  /** The spreadsheet-safe writer. */
  public CsvWriter() {
    this(false);
  }

  /** The file name of a table. */
  public static String fileName(Table table) {
    return fileName(table.key());
  }

  private static String fileName(String key) {
    return key + ".csv";
  }

  /**
   * The names of the files polcomp writes into a folder output: a CSV file per table that can be
   * in one ({@link Columns#IN_FOLDERS}), and a data package's descriptor. Any other file there,
   * a CSV file of the user's among them, makes {@link AtomicFolder} refuse the folder.
   */
  private static final Set<String> OURS = ours(Columns.IN_FOLDERS);

  private static Set<String> ours(List<TableSchema> tables) {
    Set<String> names = new HashSet<>();
    for (TableSchema t : tables) {
      names.add(fileName(t.key()));
    }
    names.add(DataPackageWriter.DESCRIPTOR);
    return Set.copyOf(names);
  }

  @Override
  public void write(Report report, Path directory) throws IOException {
    AtomicFolder.write(directory, CsvWriter::ours, folder -> {
      List<Table> all = new ArrayList<>(report.tables());
      // the About sheet as key, value: version, command line, counts, input hashes, options
      all.add(report.aboutTable());
      for (Table table : all) {
        try (OutputStream out = Files.newOutputStream(folder.resolve(fileName(table)))) {
          write(table, out);
        }
      }
    });
  }

  /**
   * True for the names of files a folder output of a comparison or a sensitivity analysis can
   * hold (its tables, a data package's descriptor).
   */
  static boolean ours(String name) {
    return OURS.contains(name);
  }

  /** Whether this writer leaves text as it is (for scripts), with no formula guard. */
  public boolean raw() {
    return raw;
  }

  /** Writes one table as CSV. */
  public void write(Table table, OutputStream out) throws IOException {
    Record record = new Record(1 << 17);
    if (bom) {
      record.bom();
    }
    int[] columns = shown(table);
    String[] header = new String[columns.length];
    for (int k = 0; k < columns.length; k++) {
      header[k] = table.columns().get(columns[k]).key();
    }
    record.append(header);
    if (table.rows() instanceof EncodedRows encoded) {
      if (encoded.raw() != raw) {
        throw new IllegalArgumentException("the rows of " + table.key() + " were encoded "
            + (encoded.raw() ? "raw" : "for spreadsheets") + ", not as this writer writes them");
      }
      record.writeTo(out);
      encoded.writeTo(out);
      out.flush();
      return;
    }
    if (table.rows() instanceof Rows rows && rows.size() >= 2L * CHUNK) {
      record.writeTo(out);
      inParallel(table, rows.size(), columns, out);
      return;
    }
    long index = 0;
    for (List<Object> row : table.rows()) {
      record(record, table, index++, row, columns);
      if (record.size() > 1 << 16) {
        record.writeTo(out);
      }
    }
    record.writeTo(out);
    // flush, not close: the stream belongs to the caller
    out.flush();
  }

  /** The columns a CSV file has: those of a type a cell can hold (not the extension fields). */
  private static int[] shown(Table table) {
    List<Column> all = table.columns();
    int[] shown = new int[all.size()];
    int n = 0;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).type().tabular()) {
        shown[n++] = i;
      }
    }
    return Arrays.copyOf(shown, n);
  }

  /**
   * The records of {@code rows}, rows of {@code schema}, without a header: the bytes {@link
   * #write} writes for them. For rows made on many threads, a part at a time, and written later
   * ({@link EncodedRows}); safe to call from several threads at once.
   */
  public byte[] records(TableSchema schema, List<? extends java.lang.Record> rows) {
    Table table = schema.with(List.of());
    int[] columns = shown(table);
    Record record = new Record(256 * rows.size() + 16);
    for (int i = 0; i < rows.size(); i++) {
      record(record, table, i, schema.cells(rows.get(i)), columns);
    }
    return record.toByteArray();
  }

  // Rows per piece when a long table is formatted on several threads: a megabyte or two of text.
  static final int CHUNK = 4_096;

  /**
   * A long table (the measures of a large dataset) is formatted piece by piece on every core and
   * written in order; a few pieces are in flight at a time, so memory stays small.
   */
  private void inParallel(Table table, long total, int[] columns, OutputStream out)
      throws IOException {
    int threads = Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "polcomp-csv");
      t.setDaemon(true);
      return t;
    });
    try {
      Deque<Future<byte[]>> inFlight = new ArrayDeque<>();
      for (long start = 0; start < total; start += CHUNK) {
        long first = start;
        int count = (int) Math.min(CHUNK, total - start);
        inFlight.add(pool.submit(() -> piece(table, first, count, columns)));
        if (inFlight.size() > threads) {
          out.write(Futures.get(inFlight.removeFirst(), "writing CSV"));
        }
      }
      while (!inFlight.isEmpty()) {
        out.write(Futures.get(inFlight.removeFirst(), "writing CSV"));
      }
      out.flush();
    } finally {
      pool.shutdownNow();
    }
  }

  private byte[] piece(Table table, long first, int count, int[] columns) throws IOException {
    Record record = new Record(1 << 17);
    Iterator<List<Object>> rows = table.rowsFrom(first).iterator();
    for (int i = 0; i < count; i++) {
      if (!rows.hasNext()) {
        throw new IllegalStateException("table " + table.key() + " has fewer rows than counted");
      }
      record(record, table, first + i, rows.next(), columns);
    }
    return record.toByteArray();
  }

  private void record(Record record, Table table, long index, List<Object> row, int[] columns) {
    String[] values = record.values(columns.length);
    for (int k = 0; k < columns.length; k++) {
      values[k] = text(Cells.value(table, index, row, columns[k]));
    }
    record.append(values);
  }

  /**
   * Records in UTF-8, exactly as Commons CSV's RFC 4180 format with {@code \n} line ends prints
   * them and {@code String.getBytes(UTF_8)} encodes them (CsvWriterTest compares the two on
   * random text): fields joined by commas; null as nothing; a field quoted when it holds a
   * comma, a quote, CR or LF, starts with a character up to {@code #} or ends with one up to a
   * space, or is an empty first field; a quote doubled inside quotes; a lone surrogate as
   * {@code ?}.
   *
   * <p>Written here rather than called because it was most of the time a large comparison took
   * to write its CSV: Commons CSV reads each character through {@code CharSequence.charAt},
   * which the quick compiler does not inline, and the text then went through a StringBuilder,
   * a String and an encoder. This reads a copy of each field's characters in an array and
   * encodes them once, into a buffer of bytes. Not thread-safe: one per thread.
   */
  static final class Record {
    private char[] chars = new char[256];
    private byte[] bytes;
    private int size;
    private String[] values = new String[0];

    /** A record buffer of {@code capacity} bytes to begin with (it grows). */
    Record(int capacity) {
      bytes = new byte[Math.max(16, capacity)];
    }

    /** A reusable array of {@code n} fields. */
    String[] values(int n) {
      if (values.length != n) {
        values = new String[n];
      }
      return values;
    }

    /** The UTF-8 byte-order mark, which spreadsheets need to read the file as UTF-8. */
    void bom() {
      room(3);
      bytes[size++] = (byte) 0xEF;
      bytes[size++] = (byte) 0xBB;
      bytes[size++] = (byte) 0xBF;
    }

    /** Appends the fields (null ones as nothing) and the line end. */
    void append(String[] fields) {
      for (int k = 0; k < fields.length; k++) {
        if (k > 0) {
          put(',');
        }
        String v = fields[k];
        if (v != null) {
          field(v, k == 0);
        }
      }
      put('\n');
    }

    /** The bytes appended so far. */
    int size() {
      return size;
    }

    /** Writes the bytes appended so far and starts again. */
    void writeTo(OutputStream out) throws IOException {
      out.write(bytes, 0, size);
      size = 0;
    }

    /** A copy of the bytes appended so far. */
    byte[] toByteArray() {
      return Arrays.copyOf(bytes, size);
    }

    private void field(String v, boolean first) {
      int n = v.length();
      if (n == 0) {
        if (first) {
          put('"'); // else the record would be an empty line
          put('"');
        }
        return;
      }
      if (chars.length < n) {
        chars = new char[Math.max(n, 2 * chars.length)];
      }
      char[] c = chars;
      v.getChars(0, n, c, 0);
      boolean quote = c[0] <= '#' || c[n - 1] <= ' ';
      for (int i = 0; i < n && !quote; i++) {
        char ch = c[i];
        quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
      }
      if (!quote) {
        encode(c, 0, n);
        return;
      }
      put('"');
      int from = 0;
      for (int i = 0; i < n; i++) {
        if (c[i] == '"') {
          encode(c, from, i + 1 - from); // up to and with the quote, which is then doubled
          from = i;
        }
      }
      encode(c, from, n - from);
      put('"');
    }

    private void encode(char[] c, int from, int count) {
      room(3 * count); // at most three bytes a character (four for a pair of two)
      byte[] b = bytes;
      int j = size;
      int end = from + count;
      for (int i = from; i < end; i++) {
        char ch = c[i];
        if (ch < 0x80) {
          b[j++] = (byte) ch;
        } else if (ch < 0x800) {
          b[j++] = (byte) (0xC0 | ch >> 6);
          b[j++] = (byte) (0x80 | ch & 0x3F);
        } else if (Character.isHighSurrogate(ch) && i + 1 < end
            && Character.isLowSurrogate(c[i + 1])) {
          int cp = Character.toCodePoint(ch, c[++i]);
          b[j++] = (byte) (0xF0 | cp >> 18);
          b[j++] = (byte) (0x80 | cp >> 12 & 0x3F);
          b[j++] = (byte) (0x80 | cp >> 6 & 0x3F);
          b[j++] = (byte) (0x80 | cp & 0x3F);
        } else if (Character.isSurrogate(ch)) {
          b[j++] = '?'; // a lone surrogate, as String.getBytes writes it
        } else {
          b[j++] = (byte) (0xE0 | ch >> 12);
          b[j++] = (byte) (0x80 | ch >> 6 & 0x3F);
          b[j++] = (byte) (0x80 | ch & 0x3F);
        }
      }
      size = j;
    }

    private void put(char ascii) {
      room(1);
      bytes[size++] = (byte) ascii;
    }

    private void room(int more) {
      if (size + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(size + more, 2 * bytes.length));
      }
    }
  }

  private String text(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      return raw ? s : guard(s);
    }
    if (v instanceof Boolean b) {
      return b.toString();
    }
    return Cells.number(v);
  }

  /** The text with a {@code '} prefix if a spreadsheet would read it as a formula. */
  static String guard(String s) {
    if (s.isEmpty()) {
      return s;
    }
    char c = s.charAt(0);
    boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    // the first character first: the pattern is checked only for the few risky-looking texts
    return risky && !NUMERIC.matcher(s).matches() ? "'" + s : s;
  }
}
