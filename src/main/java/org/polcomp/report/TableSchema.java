package org.polcomp.report;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shape of one table: its key (the CSV file name and the JSON field), the name of its XLSX
 * sheet, and its columns in order. {@link Columns} declares the tables of {@code polcomp compare};
 * {@link #with} adds the rows.
 */
public record TableSchema(String key, String sheet, List<Column> columns) {
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
  // Excel's rules for sheet names; room is left for the " 2" of a continuation sheet.
  static final int MAX_SHEET_NAME = 25;
  private static final String SHEET_CHAR = "[^\\[\\]:*?/\\\\]";
  private static final String SHEET_END = "[^\\[\\]:*?/\\\\']";
  private static final Pattern SHEET =
      Pattern.compile(SHEET_END + "(" + SHEET_CHAR + "*" + SHEET_END + ")?");

  public TableSchema {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(sheet, "sheet");
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("table key must be snake_case: " + key);
    }
    if (sheet.length() > MAX_SHEET_NAME || !SHEET.matcher(sheet).matches()
        || sheet.equalsIgnoreCase("History")) {
      throw new IllegalArgumentException("not a usable sheet name: '" + sheet + "'");
    }
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("table " + key + " has no columns");
    }
    Set<String> seen = new HashSet<>();
    int extensions = 0;
    for (Column c : columns) {
      if (!seen.add(c.key())) {
        throw new IllegalArgumentException("table " + key + " repeats column " + c.key());
      }
      if (!c.type().tabular()) {
        extensions++;
      }
    }
    if (extensions > 1 || extensions == columns.size()) {
      throw new IllegalArgumentException(
          "table " + key + " needs a tabular column and at most one EXTENSIONS column");
    }
  }

  /** This schema with its rows. */
  public Table with(Iterable<List<Object>> rows) {
    return new Table(key, sheet, columns, rows);
  }

  /** The index of the column with this key, or -1. */
  public int indexOf(String columnKey) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).key().equals(columnKey)) {
        return i;
      }
    }
    return -1;
  }
}
