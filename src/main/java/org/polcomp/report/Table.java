package org.polcomp.report;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * One table of a report: its key, XLSX sheet, columns and rows. A row is a list with one cell per
 * column, in column order (types: {@link ColumnType}; {@code null} is an empty cell).
 *
 * <p>The rows may be produced lazily, so that a large table never sits in memory as cell lists.
 * Writers may iterate them more than once (the XLSX writer reads the first rows for the column
 * widths, then all of them), so the {@code Iterable} must give the same rows each time; rows that
 * are {@link Rows} are counted and split without being read through.
 */
public record Table(String key, String sheet, List<Column> columns, Iterable<List<Object>> rows) {
  public Table {
    TableSchema schema = new TableSchema(key, sheet, columns);
    columns = schema.columns();
    Objects.requireNonNull(rows, "rows");
  }

  /** The number of rows (read through, unless the rows know it). */
  public long rowCount() {
    if (rows instanceof Rows r) {
      return r.size();
    }
    if (rows instanceof Collection<?> c) {
      return c.size();
    }
    long n = 0;
    for (Iterator<List<Object>> it = rows.iterator(); it.hasNext(); it.next()) {
      n++;
    }
    return n;
  }

  /** The rows from the {@code offset}-th (0-based) on. */
  public Iterable<List<Object>> rowsFrom(long offset) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset " + offset);
    }
    if (rows instanceof Rows r) {
      return r.from(offset);
    }
    return () -> {
      Iterator<List<Object>> it = rows.iterator();
      for (long i = 0; i < offset && it.hasNext(); i++) {
        it.next();
      }
      return it;
    };
  }

  /** The key, sheet and columns without the rows. */
  public TableSchema schema() {
    return new TableSchema(key, sheet, columns);
  }

  @Override
  public String toString() {
    // the rows may be a lazy or huge iterable: never print them
    return "Table[" + key + ", " + sheet + ", " + columns.size() + " columns]";
  }
}
