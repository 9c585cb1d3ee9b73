package org.polcomp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Tables declared by their row records: the components are the columns, once. */
class TableSchemaTest {
  private static final List<TableSchema> ALL = Stream.concat(Columns.TABLES.stream(),
      Stream.of(Columns.CODEBOOK, Columns.ABOUT)).toList();

  record Sample(String name, Long count, Double shareOfAll, Boolean ok, String webSite,
      Map<String, Object> extensions) {}

  record Primitive(String name, long count) {}

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
