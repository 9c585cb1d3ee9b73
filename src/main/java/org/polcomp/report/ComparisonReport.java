package org.polcomp.report;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polcomp.aggregate.ClassifiedMeasure;
import org.polcomp.aggregate.Comparison;
import org.polcomp.aggregate.MeasureRow;
import org.polcomp.classify.Rule;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.model.Codebook;

/**
 * Turns a {@link Comparison} into the {@link Report} that every writer reads. Every row is a record
 * whose components are its table's columns ({@link Columns}); rows become cells one at a time, as
 * the writers ask for them.
 */
public final class ComparisonReport {
  private ComparisonReport() {}

  /**
   * The option (JSON options, About) that says how many files {@code --skip-invalid} left out;
   * only a run with it has it.
   */
  public static final String SKIPPED_FILES = "skipped_files";

  /** What the About sheet and the JSON header say of the run. */
  public record RunInfo(String toolVersion, String commandLine, Map<String, Object> options,
      int files, String inputsSha256) {}

  /**
   * The report of a comparison whose measures table is {@code measures} (see {@link
   * #measures(List)}; {@link MeasureRow#of} makes its rows); {@code warnings} become the issues
   * table (with {@code --skip-invalid} also the errors of the files left out).
   */
  public static Report of(Comparison c, Table measures, Codebook codebook,
      List<Diagnostic> warnings, RunInfo run) {
    if (!measures.key().equals(Columns.MEASURES.key())) {
      throw new IllegalArgumentException("not a measures table: " + measures.key());
    }
    List<Table> tables = new ArrayList<>();
    tables.add(Columns.MUNICIPALITIES.rows(c.municipalities()));
    tables.add(measures);
    tables.add(Columns.DOMAINS.rows(c.domains()));
    tables.add(Columns.TYPOLOGY.rows(c.typology()));
    tables.add(Columns.TIMELINE.rows(c.timeline()));
    if (c.panel() != null) {
      tables.add(Columns.PANEL.rows(c.panel()));
    }
    tables.add(Columns.EXPERIMENTS.rows(c.experiments()));
    if (c.severalCoders()) {
      tables.add(Columns.AGREEMENT_CODERS.rows(c.coderAgreement()));
      tables.add(Columns.DISAGREEMENTS.rows(c.disagreements()));
    } else {
      tables.add(Columns.AGREEMENT.rows(c.agreement()));
    }
    if (c.lineage() != null) {
      tables.add(Columns.LINEAGE.rows(c.lineage()));
    }
    tables.add(Columns.ISSUES.rows(warnings, IssueRow::of));
    List<Map.Entry<String, String>> about = new ArrayList<>();
    about.add(entry("command line", run.commandLine()));
    about.add(entry("files", Integer.toString(run.files())));
    about.add(entry("municipalities", Integer.toString(c.municipalities().size())));
    about.add(entry("measures", Long.toString(c.measures())));
    // the codebook is named once, among the options below; its content is in the inputs' hash
    about.add(entry("inputs sha256", run.inputsSha256()));
    return new Report(run.toolVersion(), run.options(), about, tables,
        Columns.CODEBOOK.rows(codebookRows(codebook)));
  }

  private static Map.Entry<String, String> entry(String k, String v) {
    return new AbstractMap.SimpleImmutableEntry<>(k, v);
  }

  /** The measures table of these classified measures, rows made as they are read. */
  public static Table measures(List<ClassifiedMeasure> measures) {
    return Columns.MEASURES.rows(measures, MeasureRow::of);
  }

  /** The rules and weights of the codebook, for the Codebook sheet; rule ids from {@link Rule}. */
  static List<CodebookRow> codebookRows(Codebook b) {
    List<CodebookRow> rows = new ArrayList<>();
    rows.add(new CodebookRow("codebook", b.name(), null, "the codebook used for this report"));
    rows.add(new CodebookRow(Rule.T3.id(), "mixed_eligibility", null,
        "measures open to migration-defined and generic groups -> "
            + b.mixedEligibility().label()));
    rows.add(new CodebookRow(Rule.T4.id(), "proxy_targeting", null,
        "generic measures aimed at migrants through a proxy -> " + b.proxyTargeting().label()));
    Codebook.Weights w = b.weights();
    rows.add(new CodebookRow(Rule.D1.id(), "declared structural", w.declaredStructural(), null));
    rows.add(new CodebookRow(Rule.D1.id(), "declared temporary", w.declaredTemporary(), null));
    rows.add(new CodebookRow(Rule.D2.id(), "end date", w.endDate(), null));
    rows.add(new CodebookRow(Rule.D2.id(), "open end", w.openEnd(), null));
    for (Codebook.WeightedTerm t : b.instruments()) {
      rows.add(new CodebookRow(Rule.D3.id() + " instrument", t.id(), t.weight(), t.description()));
    }
    for (Codebook.WeightedTerm t : b.fundingSources()) {
      rows.add(new CodebookRow(Rule.D4.id() + " funding source", t.id(), t.weight(),
          t.description()));
    }
    for (Codebook.Group g : b.groups()) {
      rows.add(new CodebookRow(
          g.migrationDefined() ? "group (migration-defined)" : "group (generic)",
          g.id(), null, g.description()));
    }
    for (Codebook.Term t : b.domains()) {
      rows.add(new CodebookRow("domain", t.id(), null, t.description()));
    }
    for (Codebook.Term t : b.contactPartners()) {
      rows.add(new CodebookRow("contact partner", t.id(), null, t.description()));
    }
    return rows;
  }

  /** The options as the JSON header and About sheet show them, in a fixed order. */
  public static Map<String, Object> options(String asOf, String groupBy, String codebook,
      boolean preferCoded, String timestamp) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("as_of", asOf);
    o.put("group_by", groupBy);
    o.put("codebook", codebook);
    o.put("prefer_coded", preferCoded);
    if (timestamp != null) {
      o.put("generated", timestamp);
    }
    return o;
  }
}
