package org.polcomp.report.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polcomp.diff.Change;
import org.polcomp.diff.DatasetDiff;
import org.polcomp.report.Column;
import org.polcomp.report.ColumnType;
import org.polcomp.report.Columns;
import org.polcomp.report.Report;
import org.polcomp.report.Table;
import org.polcomp.report.TableSchema;

/** The tables of a diff: every change, and the counts that sum them up. */
public final class DiffTables {
  private DiffTables() {}

  /** One row per change (XLSX sheet {@code Changes}, CSV {@code changes.csv}). */
  public static final TableSchema CHANGES = new TableSchema("changes", "Changes", List.of(
      new Column("kind", ColumnType.TEXT), new Column("municipality_id", ColumnType.TEXT),
      new Column("municipality", ColumnType.TEXT), new Column("measure_id", ColumnType.TEXT),
      new Column("field", ColumnType.TEXT), new Column("old", ColumnType.TEXT),
      new Column("new", ColumnType.TEXT)));

  /** The counts: one row per item (XLSX sheet {@code Summary}). */
  public static final TableSchema SUMMARY = new TableSchema("summary", "Summary", List.of(
      new Column("item", ColumnType.TEXT), new Column("count", ColumnType.INTEGER)));

  /** The changes table of {@code diff}. */
  public static Table changes(DatasetDiff diff) {
    List<List<Object>> rows = new ArrayList<>();
    for (Change c : diff.changes()) {
      rows.add(java.util.Arrays.asList(c.kind().id(), c.municipalityId(), c.municipality(),
          c.measureId(), c.field(), c.oldValue(), c.newValue()));
    }
    return CHANGES.with(rows);
  }

  /** The summary table of {@code diff}. */
  public static Table summary(DatasetDiff diff) {
    Map<Change.Kind, Long> n = diff.counts();
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("municipalities_added", n.get(Change.Kind.MUNICIPALITY_ADDED)));
    rows.add(List.of("municipalities_removed", n.get(Change.Kind.MUNICIPALITY_REMOVED)));
    rows.add(List.of("municipalities_merged", n.get(Change.Kind.MUNICIPALITY_MERGED)));
    rows.add(List.of("municipalities_changed", diff.changedMunicipalities()));
    rows.add(List.of("measures_added", n.get(Change.Kind.MEASURE_ADDED)));
    rows.add(List.of("measures_removed", n.get(Change.Kind.MEASURE_REMOVED)));
    rows.add(List.of("measures_changed", diff.changedMeasures()));
    rows.add(List.of("changes", (long) diff.changes().size()));
    return SUMMARY.with(rows);
  }

  /**
   * The diff as a report for the JSON writer: {@code "polcomp"}, {@code "options"} (the two
   * versions and the options of the run), {@code "summary"}, {@code "changes"}.
   */
  public static Report report(String version, Map<String, Object> options, DatasetDiff diff) {
    return new Report(version, options, List.of(), List.of(summary(diff), changes(diff)),
        Columns.CODEBOOK.with(List.of()));
  }
}
