package org.polcomp.report;

import static org.polcomp.report.ColumnType.DATE_TEXT;
import static org.polcomp.report.ColumnType.SHARE;
import static org.polcomp.report.ColumnType.URL;

import java.util.List;
import java.util.Map;
import org.polcomp.aggregate.AgreementRow;
import org.polcomp.aggregate.CoderAgreementRow;
import org.polcomp.aggregate.DisagreementRow;
import org.polcomp.aggregate.DomainRow;
import org.polcomp.aggregate.ExperimentRow;
import org.polcomp.aggregate.LineageRow;
import org.polcomp.aggregate.MeasureRow;
import org.polcomp.aggregate.MunicipalityRow;
import org.polcomp.aggregate.PanelRow;
import org.polcomp.aggregate.TimelineRow;
import org.polcomp.aggregate.TypologyRow;
import org.polcomp.sensitivity.MeasureStability;
import org.polcomp.sensitivity.MunicipalityStability;
import org.polcomp.sensitivity.SummaryRow;
import org.polcomp.sensitivity.WeightInfluence;

/**
 * The column registry of {@code polcomp compare} (OUTPUTS.md): every table, its XLSX sheet and the
 * record of its rows, for the XLSX, CSV and JSON writers. A table's columns are its row record's
 * components, in order ({@link TableSchema#of}); only the columns of a narrower type than the
 * component's Java type (a share, a date as written, a web address) are named here. New columns
 * go after the listed ones.
 */
public final class Columns {
  private Columns() {}

  /** One row per municipality, by id. */
  public static final TableSchema MUNICIPALITIES =
      TableSchema.of("municipalities", "Summary", MunicipalityRow.class, Map.of(
          "as_of", DATE_TEXT,
          "mainstreaming_share", SHARE,
          "structural_share", SHARE,
          "mainstreaming_share_budget", SHARE,
          "structural_share_budget", SHARE));

  /**
   * One row per measure, by file, document and order in the file. Lists are joined with
   * {@code "; "}; {@code extensions} (the measure's {@code x-} fields) appears only in JSON.
   */
  public static final TableSchema MEASURES =
      TableSchema.of("measures", "Measures", MeasureRow.class, Map.of(
          "start", DATE_TEXT,
          "end", DATE_TEXT,
          "source_url", URL));

  /** One row per municipality and domain that has measures. */
  public static final TableSchema DOMAINS = TableSchema.of("domains", "Domains", DomainRow.class,
      Map.of("mainstreaming_share", SHARE, "structural_share", SHARE));

  /** The 2x2 cross-table: one row for the dataset ({@code group} = {@code all}), one per group. */
  public static final TableSchema TYPOLOGY = TableSchema.of("typology", "Typology",
      TypologyRow.class, Map.of("mainstreaming_share", SHARE, "structural_share", SHARE));

  /** Measures active per municipality and calendar year. */
  public static final TableSchema TIMELINE =
      TableSchema.of("timeline", "Timeline", TimelineRow.class, Map.of());

  /** Municipalities times the years of {@code compare --years}, over the measures of each year. */
  public static final TableSchema PANEL = TableSchema.of("panel", "Panel", PanelRow.class,
      Map.of("mainstreaming_share", SHARE, "structural_share", SHARE));

  /** The pilots and living labs, their chains of successors and where these end. */
  public static final TableSchema EXPERIMENTS = TableSchema.of("experiments", "Experiments",
      ExperimentRow.class, Map.of("start", DATE_TEXT, "end", DATE_TEXT));

  /** Each municipality and the one it counts for on the {@code --boundaries} day. */
  public static final TableSchema LINEAGE = TableSchema.of("lineage", "Lineage",
      LineageRow.class, Map.of("since", DATE_TEXT));

  /** Agreement between human codings and rule-based labels, per axis. */
  public static final TableSchema AGREEMENT = TableSchema.of("agreement", "Agreement",
      AgreementRow.class, Map.of("observed_agreement", SHARE));

  /**
   * The agreement table when some measure has several codings: the per-axis rows with the
   * coders' statistics, then one row per pair of raters ({@code pair} set).
   */
  public static final TableSchema AGREEMENT_CODERS = TableSchema.of("agreement", "Agreement",
      CoderAgreementRow.class, Map.of("observed_agreement", SHARE));

  /** The reconciliation queue: measures and axes where coders disagree (several coders only). */
  public static final TableSchema DISAGREEMENTS = TableSchema.of("disagreements",
      "Disagreements", DisagreementRow.class, Map.of());

  /** The warnings of the run. */
  public static final TableSchema ISSUES =
      TableSchema.of("issues", "Issues", IssueRow.class, Map.of());

  /**
   * The codebook used (XLSX sheet {@code Codebook}): per rule or vocabulary ({@code D3},
   * {@code instrument}, {@code funding_source} ...), each value's id, its weight or lean (empty
   * when it has none) and description.
   */
  public static final TableSchema CODEBOOK =
      TableSchema.of("codebook", "Codebook", CodebookRow.class, Map.of());

  /** The XLSX sheet {@code About}, built by {@link Report#aboutTable()}. */
  public static final TableSchema ABOUT =
      TableSchema.of("about", Report.ABOUT_SHEET, AboutRow.class, Map.of());

  /** {@code polcomp sensitivity}: how many labels hold in 95% of the samples (one row). */
  public static final TableSchema SENSITIVITY_SUMMARY = TableSchema.of("sensitivity_summary",
      "Robustness", SummaryRow.class, Map.of(
          "measures_stable_share", SHARE,
          "municipalities_stable_share", SHARE));

  /** {@code polcomp sensitivity}: one row per municipality, by id. */
  public static final TableSchema SENSITIVITY_MUNICIPALITIES = TableSchema.of(
      "sensitivity_municipalities", "Municipalities", MunicipalityStability.class, Map.of(
          "profile_kept_share", SHARE,
          "structural_share", SHARE,
          "structural_share_p05", SHARE,
          "structural_share_p95", SHARE));

  /** {@code polcomp sensitivity}: one row per measure counted, by municipality and file order. */
  public static final TableSchema SENSITIVITY_MEASURES = TableSchema.of("sensitivity_measures",
      "Measures", MeasureStability.class, Map.of("flip_rate", SHARE));

  /** {@code polcomp sensitivity}: one row per weight, the most influential first. */
  public static final TableSchema SENSITIVITY_WEIGHTS = TableSchema.of("sensitivity_weights",
      "Weights", WeightInfluence.class, Map.of());

  /** The data tables of {@code polcomp sensitivity} in output order. */
  public static final List<TableSchema> SENSITIVITY_TABLES = List.of(SENSITIVITY_SUMMARY,
      SENSITIVITY_MUNICIPALITIES, SENSITIVITY_MEASURES, SENSITIVITY_WEIGHTS);

  /** The data tables of {@code polcomp compare} in output order. */
  public static final List<TableSchema> TABLES =
      List.of(MUNICIPALITIES, MEASURES, DOMAINS, TYPOLOGY, TIMELINE, PANEL, EXPERIMENTS, AGREEMENT,
          LINEAGE, ISSUES);

  /**
   * Every table a folder output (compare's csv and datapackage, sensitivity's csv) can hold as a
   * file: compare's, the disagreements of several coders (whose agreement table has the key of
   * {@link #AGREEMENT}), sensitivity's, and About. The Codebook sheet is only in workbooks.
   */
  public static final List<TableSchema> IN_FOLDERS = java.util.stream.Stream.of(TABLES,
      List.of(DISAGREEMENTS), SENSITIVITY_TABLES, List.of(ABOUT)).flatMap(List::stream).toList();
}
