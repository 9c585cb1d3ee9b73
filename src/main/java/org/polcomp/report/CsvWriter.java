package org.polcomp.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;

/**
 * Writes each table of a report as {@code <key>.csv} into a directory (created if missing):
 * RFC 4180, UTF-8, {@code \n} line ends, a header row of column keys.
 *
 * <p>By default the files are for spreadsheets: a UTF-8 byte-order mark first, and a text cell
 * that starts with {@code = + - @}, a tab or a carriage return gets a {@code '} prefix so that it
 * is not run as a formula (OWASP, CSV injection). Text that is just a number ({@code -2}) cannot
 * run and is left alone. The raw mode writes neither, for scripts.
 *
 * <p>Each file is replaced atomically; the set of files is not: a run that fails halfway leaves
 * the files already written new and the others as they were.
 */
public final class CsvWriter implements ReportWriter {
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
  private static final Pattern NUMERIC = Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

  private final boolean raw;

  /** A writer for spreadsheets (BOM and formula guard) or, when {@code raw}, for scripts. */
  public CsvWriter(boolean raw) {
    this.raw = raw;
  }

  /** The spreadsheet-safe writer. */
  public CsvWriter() {
    this(false);
  }

  /** The file name of a table. */
  public static String fileName(Table table) {
    return table.key() + ".csv";
  }

  @Override
  public void write(Report report, Path directory) throws IOException {
    Files.createDirectories(directory);
    for (Table table : report.tables()) {
      AtomicFile.write(directory.resolve(fileName(table)), out -> write(table, out));
    }
  }

  /** Writes one table as CSV. */
  public void write(Table table, OutputStream out) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    if (!raw) {
      w.write('\uFEFF');
    }
    List<Integer> shown = new ArrayList<>();
    List<String> header = new ArrayList<>();
    for (int i = 0; i < table.columns().size(); i++) {
      Column c = table.columns().get(i);
      if (c.type().tabular()) {
        shown.add(i);
        header.add(c.key());
      }
    }
    // CSVFormat prints itself: CSVPrinter's class file names a SpotBugs annotation that is not on
    // the class path, and javac's warning about it fails the -Werror build
    FORMAT.printRecord(w, header.toArray());
    long index = 0;
    String[] record = new String[shown.size()];
    for (List<Object> row : table.rows()) {
      for (int k = 0; k < record.length; k++) {
        record[k] = text(Cells.value(table, index, row, shown.get(k)));
      }
      FORMAT.printRecord(w, (Object[]) record);
      index++;
    }
    // flush, not close: the stream belongs to the caller
    w.flush();
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
    if (s.isEmpty() || NUMERIC.matcher(s).matches()) {
      return s;
    }
    char c = s.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
  }
}
