package org.polcomp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Tables declared by their row records: the components are the columns, once. */
class TableSchemaTest {
  private static final List<TableSchema> ALL = Stream.of(Columns.TABLES.stream(),
      Columns.SENSITIVITY_TABLES.stream(), Stream.of(Columns.CODEBOOK, Columns.ABOUT))
      .flatMap(t -> t).toList();

  record Sample(String name, Long count, Double shareOfAll, Boolean ok, String webSite,
      Map<String, Object> extensions) {}

  record Primitive(String name, long count) {}

  // A row record that computes one of its accessors: its cells would not be what it returns.
  record Rounded(String name, Double share) {
    @Override
    public Double share() {
      return share == null ? null : Math.round(share * 100) / 100.0;
    }
  }

  private static String camel(String snake) {
    StringBuilder sb = new StringBuilder();
    boolean up = false;
    for (char ch : snake.toCharArray()) {
      if (ch == '_') {
        up = true;
      } else {
        sb.append(up ? Character.toUpperCase(ch) : ch);
        up = false;
      }
    }
    return sb.toString();
  }

  @Test
  void everyTableHasARowRecordWhoseComponentsAreItsColumnsInOrder() {
    for (TableSchema s : ALL) {
      Class<? extends Record> row = s.rowType().orElseThrow();
      List<String> components = Arrays.stream(row.getRecordComponents())
          .map(RecordComponent::getName).toList();
      assertEquals(components, s.columns().stream().map(c -> camel(c.key())).toList(), s.key());
      for (RecordComponent c : row.getRecordComponents()) {
        assertTrue(List.of(String.class, Long.class, Double.class, Boolean.class, Map.class)
            .contains(c.getType()), row.getSimpleName() + "." + c.getName());
      }
    }
  }

  /**
   * The columns of a row whose components hold distinct values where the cells and the record's
   * accessors disagree: cells are read from the fields, which is what an implicit accessor
   * returns and an explicit one need not.
   */
  private static List<String> cellsUnlikeAccessors(TableSchema s)
      throws ReflectiveOperationException {
    Class<? extends Record> type = s.rowType().orElseThrow();
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = types[i] == String.class ? "value " + i
          : types[i] == Long.class ? (Object) (1000L + i)
          : types[i] == Double.class ? (Object) (i + 0.123)
          : types[i] == Boolean.class ? (Object) (i % 2 == 0)
          : Map.of("x-" + i, "value " + i);
    }
    var constructor = type.getDeclaredConstructor(types);
    constructor.setAccessible(true);
    Record row = (Record) constructor.newInstance(values);
    List<Object> cells = s.cells(row);
    List<String> unlike = new ArrayList<>();
    for (int i = 0; i < components.length; i++) {
      components[i].getAccessor().setAccessible(true);
      if (!Objects.equals(components[i].getAccessor().invoke(row), cells.get(i))) {
        unlike.add(s.columns().get(i).key());
      }
    }
    return unlike;
  }

  @Test
  void everyTablesCellsAreWhatItsRowRecordsAccessorsReturn() throws Exception {
    List<TableSchema> declared = new ArrayList<>();
    for (Field f : Columns.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == TableSchema.class) {
        declared.add((TableSchema) f.get(null));
      }
    }
    assertTrue(declared.containsAll(ALL), "every table is a constant of Columns");
    for (TableSchema s : declared) {
      assertEquals(List.of(), cellsUnlikeAccessors(s), s.key() + " ("
          + s.rowType().orElseThrow().getSimpleName() + ": keep the implicit accessors)");
    }
    assertEquals(List.of("share"), cellsUnlikeAccessors(
        TableSchema.of("rounded", "Rounded", Rounded.class, Map.of())));
  }

  @Test
  void typesComeFromTheComponentsOrTheNarrowerTypesNamed() {
    TableSchema s = TableSchema.of("samples", "Samples", Sample.class,
        Map.of("share_of_all", ColumnType.SHARE, "web_site", ColumnType.URL));
    assertEquals(List.of(new Column("name", ColumnType.TEXT),
        new Column("count", ColumnType.INTEGER), new Column("share_of_all", ColumnType.SHARE),
        new Column("ok", ColumnType.BOOLEAN), new Column("web_site", ColumnType.URL),
        new Column("extensions", ColumnType.EXTENSIONS)), s.columns());
    assertEquals(Sample.class, s.rowType().orElseThrow());
  }

  @Test
  void aTypeNamedForAMissingColumnOrOneTheComponentCannotHoldIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> TableSchema.of("samples", "Samples",
        Sample.class, Map.of("shares", ColumnType.SHARE)));
    assertThrows(IllegalArgumentException.class, () -> TableSchema.of("samples", "Samples",
        Sample.class, Map.of("name", ColumnType.SHARE)));
    assertThrows(IllegalArgumentException.class, () -> TableSchema.of("samples", "Samples",
        Sample.class, Map.of("count", ColumnType.TEXT)));
    assertThrows(IllegalArgumentException.class,
        () -> TableSchema.of("primitives", "Primitives", Primitive.class, Map.of()));
  }

  @Test
  void aRecordBecomesItsComponentsAsCellsAndOnlyARecordOfTheTablesType() {
    TableSchema s = TableSchema.of("samples", "Samples", Sample.class, Map.of());
    Sample row = new Sample("a", 2L, null, true, "https://example.org/", Map.of("x-a", 1L));
    assertEquals(Arrays.asList("a", 2L, null, true, "https://example.org/", Map.of("x-a", 1L)),
        s.cells(row));
    assertThrows(IllegalArgumentException.class, () -> s.cells(new Primitive("a", 1)));
    assertThrows(IllegalStateException.class,
        () -> new TableSchema("t", "T", List.of(new Column("a", ColumnType.TEXT))).cells(row));
  }

  @Test
  void rowsAreMadeWhenReadAndEveryTime() {
    TableSchema s = TableSchema.of("samples", "Samples", Sample.class, Map.of());
    List<String> made = new ArrayList<>();
    Table t = s.rows(List.of("a", "b", "c"), name -> {
      made.add(name);
      return new Sample(name, null, null, null, null, null);
    });
    assertEquals(3, t.rowCount());
    assertEquals(List.of(), made, "counting makes no row");
    List<Object> names = new ArrayList<>();
    t.rowsFrom(1).forEach(r -> names.add(r.get(0)));
    assertEquals(List.of("b", "c"), names);
    assertEquals(List.of("b", "c"), made);
  }

  @Test
  void spooledRecordsComeBackAsTheirCells() throws IOException {
    TableSchema s = TableSchema.of("samples", "Samples", Sample.class, Map.of());
    List<Sample> rows = List.of(
        new Sample("a", 2L, 0.5, true, null, Map.of("x-a", List.of(1L, "b"))),
        new Sample(null, null, null, null, null, null));
    Object part = new Object();
    try (RowSpool spool = RowSpool.open()) {
      spool.put(part, s, rows);
      List<List<Object>> back = new ArrayList<>();
      spool.rows(List.of(part)).forEach(back::add);
      assertEquals(List.of(s.cells(rows.get(0)), s.cells(rows.get(1))), back);
      assertThrows(IllegalArgumentException.class,
          () -> spool.put(new Object(), s, List.of(new Primitive("a", 1))));
    }
  }

  @Test
  void componentNamesBecomeSnakeCaseKeys() {
    assertEquals("municipality_id", TableSchema.snakeCase("municipalityId"));
    assertEquals("target_group_structural", TableSchema.snakeCase("targetGroupStructural"));
    assertEquals("end", TableSchema.snakeCase("end"));
  }
}
