package org.polcomp.report;

import static org.polcomp.report.ColumnType.BOOLEAN;
import static org.polcomp.report.ColumnType.DATE_TEXT;
import static org.polcomp.report.ColumnType.EXTENSIONS;
import static org.polcomp.report.ColumnType.INTEGER;
import static org.polcomp.report.ColumnType.NUMBER;
import static org.polcomp.report.ColumnType.SHARE;
import static org.polcomp.report.ColumnType.TEXT;
import static org.polcomp.report.ColumnType.URL;

import java.util.ArrayList;
import java.util.List;

/**
 * The column registry of {@code polcomp compare} (OUTPUTS.md): every table with its columns in
 * order, declared once for the XLSX, CSV and JSON writers. Producers supply only the rows, one cell
 * per column in this order. New columns go after the listed ones.
 */
public final class Columns {
  private Columns() {}

  /** One row per municipality, by id. */
  public static final TableSchema MUNICIPALITIES = schema("municipalities", "Summary",
      "municipality_id", TEXT,
      "municipality", TEXT,
      "country", TEXT,
      "region", TEXT,
      "type", TEXT,
      "population", INTEGER,
      "as_of", DATE_TEXT,
      "measures", INTEGER,
      "mainstreamed", INTEGER,
      "target_group", INTEGER,
      "unclassified_targeting", INTEGER,
      "structural", INTEGER,
      "temporary", INTEGER,
      "unclassified_duration", INTEGER,
      "mainstreamed_structural", INTEGER,
      "mainstreamed_temporary", INTEGER,
      "target_group_structural", INTEGER,
      "target_group_temporary", INTEGER,
      "mainstreaming_share", SHARE,
      "structural_share", SHARE,
      "budget_eur", NUMBER,
      "mainstreaming_share_budget", SHARE,
      "structural_share_budget", SHARE,
      "profile", TEXT,
      "contact_measures", INTEGER,
      "contact_with_earlier_migrants", INTEGER,
      "experiments", INTEGER,
      "experiments_upscaled", INTEGER,
      "file", TEXT);

  /**
   * One row per measure, by file, document and order in the file. Lists are joined with
   * {@code "; "}; {@code extensions} (the measure's {@code x-} fields) appears only in JSON.
   */
  public static final TableSchema MEASURES = schema("measures", "Measures",
      "municipality_id", TEXT,
      "municipality", TEXT,
      "measure_id", TEXT,
      "title", TEXT,
      "domain", TEXT,
      "target_groups", TEXT,
      "instrument", TEXT,
      "scale", TEXT,
      "start", DATE_TEXT,
      "end", DATE_TEXT,
      "funding_sources", TEXT,
      "funding_eur", NUMBER,
      "status", TEXT,
      "targeting", TEXT,
      "duration", TEXT,
      "quadrant", TEXT,
      "duration_score", NUMBER,
      "confidence", NUMBER,
      "reasons", TEXT,
      "targeting_coded", TEXT,
      "duration_coded", TEXT,
      "coding_agrees", BOOLEAN,
      "source_url", URL,
      "file", TEXT,
      "line", INTEGER,
      "extensions", EXTENSIONS);

  /** One row per municipality and domain that has measures. */
  public static final TableSchema DOMAINS = schema("domains", "Domains",
      "municipality_id", TEXT,
      "municipality", TEXT,
      "domain", TEXT,
      "measures", INTEGER,
      "mainstreamed", INTEGER,
      "target_group", INTEGER,
      "structural", INTEGER,
      "temporary", INTEGER,
      "mainstreaming_share", SHARE,
      "structural_share", SHARE);

  /** The 2x2 cross-table: one row for the dataset ({@code group} = {@code all}), one per group. */
  public static final TableSchema TYPOLOGY = schema("typology", "Typology",
      "group_by", TEXT,
      "group", TEXT,
      "municipalities", INTEGER,
      "measures", INTEGER,
      "mainstreamed_structural", INTEGER,
      "mainstreamed_temporary", INTEGER,
      "target_group_structural", INTEGER,
      "target_group_temporary", INTEGER,
      "unclassified", INTEGER,
      "mainstreaming_share", SHARE,
      "structural_share", SHARE);

  /** Measures active per municipality and calendar year. */
  public static final TableSchema TIMELINE = schema("timeline", "Timeline",
      "municipality_id", TEXT,
      "municipality", TEXT,
      "year", INTEGER,
      "active", INTEGER,
      "mainstreamed", INTEGER,
      "target_group", INTEGER,
      "structural", INTEGER,
      "temporary", INTEGER);

  /** Agreement between human codings and rule-based labels, per axis. */
  public static final TableSchema AGREEMENT = schema("agreement", "Agreement",
      "axis", TEXT,
      "coded", INTEGER,
      "agreements", INTEGER,
      "observed_agreement", SHARE,
      "cohens_kappa", NUMBER);

  /** The warnings of the run. */
  public static final TableSchema ISSUES = schema("issues", "Issues",
      "file", TEXT,
      "line", INTEGER,
      "column", INTEGER,
      "severity", TEXT,
      "code", TEXT,
      "message", TEXT);

  /**
   * The codebook used (XLSX sheet {@code Codebook}): per rule or vocabulary ({@code D3},
   * {@code instrument}, {@code funding_source} ...), each value's id, its weight or lean (empty
   * when it has none) and description.
   */
  public static final TableSchema CODEBOOK = schema("codebook", "Codebook",
      "rule", TEXT,
      "id", TEXT,
      "weight", NUMBER,
      "description", TEXT);

  /** The XLSX sheet {@code About}, built by {@link Report#aboutTable()}. */
  public static final TableSchema ABOUT = schema("about", Report.ABOUT_SHEET,
      "key", TEXT,
      "value", TEXT);

  /** The data tables of {@code polcomp compare} in output order. */
  public static final List<TableSchema> TABLES =
      List.of(MUNICIPALITIES, MEASURES, DOMAINS, TYPOLOGY, TIMELINE, AGREEMENT, ISSUES);

  private static TableSchema schema(String key, String sheet, Object... keysAndTypes) {
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < keysAndTypes.length; i += 2) {
      columns.add(new Column((String) keysAndTypes[i], (ColumnType) keysAndTypes[i + 1]));
    }
    return new TableSchema(key, sheet, columns);
  }
}
