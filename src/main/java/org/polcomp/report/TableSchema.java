package org.polcomp.report;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The shape of one table: its key (the CSV file name and the JSON field), the name of its XLSX
 * sheet, and its columns in order. {@link Columns} declares the tables of {@code polcomp compare},
 * each from the record of its rows ({@link #of}): the record's components are the columns, so a
 * table's column list is written once, as that record. {@link #with} adds rows as cell lists,
 * {@link #rows} as records.
 */
public final class TableSchema {
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
  // Excel's rules for sheet names; room is left for the " 2" of a continuation sheet.
  static final int MAX_SHEET_NAME = 25;
  private static final String SHEET_CHAR = "[^\\[\\]:*?/\\\\]";
  private static final String SHEET_END = "[^\\[\\]:*?/\\\\']";
  private static final Pattern SHEET =
      Pattern.compile(SHEET_END + "(" + SHEET_CHAR + "*" + SHEET_END + ")?");

  private final String key;
  private final String sheet;
  private final List<Column> columns;
  private final Class<? extends Record> rowType;
  // The fields behind the row record's components, found once per schema rather than per row (a
  // table of millions of rows would otherwise spend its time looking them up again). Read
  // through var handles, not the accessors' method handles: the JVM spins a class for each method
  // handle called more than 127 times from a site where it is not a constant (a cell read here
  // is such a call): a comparison of policies/ made 43 such classes, and to JSON took 6% longer
  // (median of 20 alternating runs). A var handle of a reference field runs code the JDK already
  // has (1 class made); per cell, at millions of rows, it is as fast. The field is what the
  // implicit accessor returns; a row record keeps those (TableSchemaTest checks every table's).
  private final VarHandle[] fields;

  /** A table of rows given as cell lists, one cell per column in this order. */
  public TableSchema(String key, String sheet, List<Column> columns) {
    this(key, sheet, columns, null, null);
  }

  private TableSchema(String key, String sheet, List<Column> columns,
      Class<? extends Record> rowType, VarHandle[] fields) {
    this.key = Objects.requireNonNull(key, "key");
    this.sheet = Objects.requireNonNull(sheet, "sheet");
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("table key must be snake_case: " + key);
    }
    if (sheet.length() > MAX_SHEET_NAME || !SHEET.matcher(sheet).matches()
        || sheet.equalsIgnoreCase("History")) {
      throw new IllegalArgumentException("not a usable sheet name: '" + sheet + "'");
    }
    this.columns = List.copyOf(columns);
    if (this.columns.isEmpty()) {
      throw new IllegalArgumentException("table " + key + " has no columns");
    }
    Set<String> seen = new HashSet<>();
    int extensions = 0;
    for (Column c : this.columns) {
      if (!seen.add(c.key())) {
        throw new IllegalArgumentException("table " + key + " repeats column " + c.key());
      }
      if (!c.type().tabular()) {
        extensions++;
      }
    }
    if (extensions == this.columns.size()) {
      throw new IllegalArgumentException("table " + key + " needs a tabular column");
    }
    this.rowType = rowType;
    this.fields = fields;
  }

  /**
   * The table whose rows are records of {@code rowType}: one column per record component, in
   * component order, keyed by the component's name in snake_case ({@code municipalityId} is
   * {@code municipality_id}). A column's type follows from the component's: {@code String} is
   * TEXT, {@code Long} INTEGER, {@code Double} NUMBER, {@code Boolean} BOOLEAN, {@code Map}
   * EXTENSIONS; {@code types} names the columns of a narrower type (SHARE for a Double, DATE_TEXT
   * or URL for a String).
   *
   * <p>A cell is the component's field as the record holds it, which is what an implicit accessor
   * returns: a row record declares no accessor of its own.
   *
   * @throws IllegalArgumentException if a component has another Java type, or {@code types} names
   *     a column the record lacks or a type its component cannot hold
   */
  public static TableSchema of(String key, String sheet, Class<? extends Record> rowType,
      Map<String, ColumnType> types) {
    RecordComponent[] components = rowType.getRecordComponents();
    List<Column> columns = new ArrayList<>(components.length);
    VarHandle[] fields = new VarHandle[components.length];
    Map<String, ColumnType> left = new HashMap<>(types);
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      String column = snakeCase(c.getName());
      ColumnType natural = naturalType(rowType, c);
      ColumnType type = left.containsKey(column) ? left.remove(column) : natural;
      if (!narrows(natural, type)) {
        throw new IllegalArgumentException(rowType.getSimpleName() + "." + c.getName() + " is a "
            + c.getType().getSimpleName() + ": it cannot hold a " + type + " column");
      }
      columns.add(new Column(column, type));
      fields[i] = field(rowType, c);
    }
    if (!left.isEmpty()) {
      throw new IllegalArgumentException(
          rowType.getSimpleName() + " has no components for the columns " + left.keySet());
    }
    return new TableSchema(key, sheet, columns, rowType, fields);
  }

  private static VarHandle field(Class<?> rowType, RecordComponent c) {
    try {
      return MethodHandles.privateLookupIn(rowType, MethodHandles.lookup())
          .findVarHandle(rowType, c.getName(), c.getType());
    } catch (IllegalAccessException | NoSuchFieldException e) {
      throw new IllegalArgumentException("the components of the row record " + rowType.getName()
          + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** A component name as a column key: {@code targetGroupStructural} is target_group_structural. */
  static String snakeCase(String camel) {
    StringBuilder b = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char ch = camel.charAt(i);
      if (Character.isUpperCase(ch)) {
        b.append('_').append(Character.toLowerCase(ch));
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }

  private static ColumnType naturalType(Class<?> rowType, RecordComponent c) {
    Class<?> t = c.getType();
    if (t == String.class) {
      return ColumnType.TEXT;
    } else if (t == Long.class) {
      return ColumnType.INTEGER;
    } else if (t == Double.class) {
      return ColumnType.NUMBER;
    } else if (t == Boolean.class) {
      return ColumnType.BOOLEAN;
    } else if (t == Map.class) {
      return ColumnType.EXTENSIONS;
    }
    // Primitives could not be empty, and other types have no cell form.
    throw new IllegalArgumentException(rowType.getSimpleName() + "." + c.getName() + " is a "
        + t.getSimpleName() + ": a row component is a String, Long, Double, Boolean or Map");
  }

  private static boolean narrows(ColumnType natural, ColumnType type) {
    return type == natural
        || natural == ColumnType.TEXT && (type == ColumnType.DATE_TEXT || type == ColumnType.URL)
        || natural == ColumnType.NUMBER && type == ColumnType.SHARE;
  }

  /** The key: the CSV file name without {@code .csv}, and the JSON field. */
  public String key() {
    return key;
  }

  /** The name of the XLSX sheet. */
  public String sheet() {
    return sheet;
  }

  /** The columns in order. */
  public List<Column> columns() {
    return columns;
  }

  /** The record the rows are made of, for a schema made by {@link #of}. */
  public Optional<Class<? extends Record>> rowType() {
    return Optional.ofNullable(rowType);
  }

  /** This schema with its rows, as cell lists in column order. */
  public Table with(Iterable<List<Object>> rows) {
    return new Table(key, sheet, columns, rows);
  }

  /**
   * This schema with its rows as records of its row type; each becomes a cell list only when the
   * writers read it, so no table of cells is ever built.
   */
  public Table rows(List<? extends Record> records) {
    return with(Rows.of(records, this::cells));
  }

  /**
   * This schema with one row per item, made by {@code toRow} only when the writers read it: the
   * row records of a long table (the measures of a large dataset) never all exist at once.
   */
  public <T> Table rows(List<T> items, Function<? super T, ? extends Record> toRow) {
    return with(Rows.of(items, item -> cells(toRow.apply(item))));
  }

  /** One row record as cells, in column order. */
  public List<Object> cells(Record row) {
    check(row);
    Object[] cells = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      cells[i] = read(row, i);
    }
    return Arrays.asList(cells);
  }

  /** The cell in column {@code col} of a row record of this schema's type (no type check). */
  Object cell(Record row, int col) {
    return read(row, col);
  }

  /** Fails unless {@code row} is a record of this schema's row type. */
  void check(Record row) {
    if (rowType == null) {
      throw new IllegalStateException("table " + key + " has no row record");
    }
    if (row.getClass() != rowType) {
      throw new IllegalArgumentException("a " + row.getClass().getSimpleName() + " is not a row of "
          + key + " (" + rowType.getSimpleName() + ")");
    }
  }

  private Object read(Record row, int col) {
    return fields[col].get((Object) row);
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

  @Override
  public boolean equals(Object o) {
    return o instanceof TableSchema s && key.equals(s.key) && sheet.equals(s.sheet)
        && columns.equals(s.columns) && Objects.equals(rowType, s.rowType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, sheet, columns, rowType);
  }

  @Override
  public String toString() {
    return "TableSchema[" + key + ", " + sheet + ", " + columns.size() + " columns"
        + (rowType == null ? "" : ", " + rowType.getSimpleName()) + "]";
  }
}
