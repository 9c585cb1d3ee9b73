package org.polcomp.report;

import java.util.List;
import java.util.Objects;

/**
 * One table of a report: its key, XLSX sheet, columns and rows. A row is a list with one cell per
 * column, in column order (types: {@link ColumnType}; {@code null} is an empty cell).
 *
 * <p>The rows may be produced lazily, so that a large table never sits in memory as cell lists;
 * every writer iterates them once, in order. An {@code Iterable} that can be iterated only once
 * therefore serves only one writer.
 */
public record Table(String key, String sheet, List<Column> columns, Iterable<List<Object>> rows) {
  public Table {
    TableSchema schema = new TableSchema(key, sheet, columns);
    columns = schema.columns();
    Objects.requireNonNull(rows, "rows");
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
