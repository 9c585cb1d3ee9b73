package org.polcomp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ColumnsTest {
  // The column lists of OUTPUTS.md, verbatim.
  private static final Map<TableSchema, String> SPEC = Map.of(
      Columns.MUNICIPALITIES, "municipality_id, municipality, country, region, type, population,"
          + " as_of, measures, mainstreamed, target_group, unclassified_targeting, structural,"
          + " temporary, unclassified_duration, mainstreamed_structural,"
          + " mainstreamed_temporary, target_group_structural, target_group_temporary,"
          + " mainstreaming_share, structural_share, budget_eur, mainstreaming_share_budget,"
          + " structural_share_budget, profile, contact_measures,"
          + " contact_with_earlier_migrants, experiments, experiments_upscaled, file",
      Columns.MEASURES, "municipality_id, municipality, measure_id, title, domain, target_groups,"
          + " instrument, scale, start, end, funding_sources, funding_eur, status,"
          + " targeting, duration, quadrant, duration_score, confidence, reasons,"
          + " targeting_coded, duration_coded, coding_agrees, source_url, file, line",
      Columns.DOMAINS, "municipality_id, municipality, domain, measures, mainstreamed,"
          + " target_group, structural, temporary, mainstreaming_share, structural_share",
      Columns.TYPOLOGY, "group_by, group, municipalities, measures, mainstreamed_structural,"
          + " mainstreamed_temporary, target_group_structural, target_group_temporary,"
          + " unclassified, mainstreaming_share, structural_share",
      Columns.TIMELINE, "municipality_id, municipality, year, active, mainstreamed,"
          + " target_group, structural, temporary",
      Columns.PANEL, "municipality_id, municipality, year, measures, mainstreamed,"
          + " target_group, structural, temporary, mainstreaming_share, structural_share,"
          + " budget_eur, profile",
      Columns.EXPERIMENTS, "municipality_id, municipality, measure_id, title, start, end, status,"
          + " successors, final_measure, final_duration, upscaled, years_to_structural",
      Columns.AGREEMENT, "axis, coded, agreements, observed_agreement, cohens_kappa",
      Columns.LINEAGE, "municipality_id, municipality, counted_as, counted_as_name, since",
      Columns.ISSUES, "file, line, column, severity, code, message");

  @Test
  void tabularColumnsAreThoseOfTheSpecInOrder() {
    for (TableSchema schema : Columns.TABLES) {
      List<String> keys = schema.columns().stream().filter(c -> c.type().tabular())
          .map(Column::key).collect(Collectors.toList());
      assertEquals(Arrays.asList(SPEC.get(schema).split(", ")), keys, schema.key());
    }
  }

  @Test
  void tablesSheetsAndOrderAreThoseOfTheSpec() {
    assertEquals(List.of("municipalities", "measures", "domains", "typology", "timeline",
        "panel", "experiments", "agreement", "lineage", "issues"),
        Columns.TABLES.stream().map(TableSchema::key).toList());
    assertEquals(List.of("Summary", "Measures", "Domains", "Typology", "Timeline", "Panel",
        "Experiments", "Agreement", "Lineage", "Issues"),
        Columns.TABLES.stream().map(TableSchema::sheet).toList());
  }

  @Test
  void typesFollowTheMeaning() {
    for (TableSchema schema : Columns.TABLES) {
      for (Column c : schema.columns()) {
        boolean share = c.key().contains("share") || c.key().equals("observed_agreement");
        assertEquals(share, c.type() == ColumnType.SHARE, c.key());
      }
    }
    TableSchema m = Columns.MEASURES;
    assertEquals(ColumnType.DATE_TEXT, m.columns().get(m.indexOf("start")).type());
    assertEquals(ColumnType.DATE_TEXT, m.columns().get(m.indexOf("end")).type());
    assertEquals(ColumnType.BOOLEAN, m.columns().get(m.indexOf("coding_agrees")).type());
    assertEquals(ColumnType.URL, m.columns().get(m.indexOf("source_url")).type());
    assertEquals(ColumnType.INTEGER, m.columns().get(m.indexOf("line")).type());
    assertEquals(ColumnType.EXTENSIONS, m.columns().get(m.columns().size() - 1).type());
  }

  @Test
  void headerIsTheKeyWithSpacesAndACapital() {
    assertEquals("Mainstreaming share",
        new Column("mainstreaming_share", ColumnType.SHARE).header());
    assertEquals("Municipality id", new Column("municipality_id", ColumnType.TEXT).header());
    assertEquals("End", new Column("end", ColumnType.DATE_TEXT).header());
  }

  @Test
  void invalidShapesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Column("Bad Key", ColumnType.TEXT));
    assertThrows(IllegalArgumentException.class, () -> new Column("a__b", ColumnType.TEXT));
    Column a = new Column("a", ColumnType.TEXT);
    Column ext = new Column("extensions", ColumnType.EXTENSIONS);
    assertThrows(IllegalArgumentException.class, () -> new TableSchema("t", "T", List.of(a, a)));
    assertThrows(IllegalArgumentException.class, () -> new TableSchema("t", "T", List.of()));
    assertThrows(IllegalArgumentException.class, () -> new TableSchema("t", "T", List.of(ext)));
    for (String sheet : List.of("", "a/b", "x[1]", "'quoted'", "History",
        "a name longer than twenty-five")) {
      assertThrows(IllegalArgumentException.class, () -> new TableSchema("t", sheet, List.of(a)),
          sheet);
    }
    assertEquals("It's", new TableSchema("t", "It's", List.of(a)).sheet());
  }

  @Test
  void reportOptionsKeepTheirOrderOrAreSorted() {
    Map<String, Object> ordered = new java.util.LinkedHashMap<>();
    ordered.put("z", 1L);
    ordered.put("a", null);
    Table codebook = Columns.CODEBOOK.with(List.of());
    assertEquals(List.of("z", "a"), List.copyOf(
        new Report("1", ordered, List.of(), List.of(), codebook).options().keySet()));
    assertEquals(List.of("a", "m", "z"), List.copyOf(new Report("1",
        Map.of("m", 1L, "z", 2L, "a", 3L), List.of(), List.of(), codebook).options().keySet()));
  }

  @Test
  void reportRejectsTablesThatWouldCollide() {
    Table t = new TableSchema("t", "T", List.of(new Column("a", ColumnType.TEXT))).with(List.of());
    Table sameSheet = new TableSchema("u", "t", List.of(new Column("a", ColumnType.TEXT)))
        .with(List.of());
    Table about = new TableSchema("v", "About", List.of(new Column("a", ColumnType.TEXT)))
        .with(List.of());
    Table codebook = Columns.CODEBOOK.with(List.of());
    assertThrows(IllegalArgumentException.class,
        () -> new Report("1", Map.of(), List.of(), List.of(t, t), codebook));
    assertThrows(IllegalArgumentException.class,
        () -> new Report("1", Map.of(), List.of(), List.of(t, sameSheet), codebook));
    assertThrows(IllegalArgumentException.class,
        () -> new Report("1", Map.of(), List.of(), List.of(about), codebook));
    assertTrue(new Report("1", Map.of(), List.of(), List.of(t), codebook).tables().contains(t));
  }
}
