package org.polcomp.report;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polcomp.classify.Reason;
import org.polcomp.model.Codebook;
import org.polcomp.sensitivity.Result;

/**
 * Turns a sensitivity {@link Result} into the {@link Report} that every writer reads: the tables
 * of {@link Columns#SENSITIVITY_TABLES}, the Codebook sheet of the codebook perturbed, and the
 * About lines.
 */
public final class SensitivityReport {
  private SensitivityReport() {}

  /** The report of a sensitivity analysis of the run {@code run} under {@code codebook}. */
  public static Report of(Result r, Codebook codebook, ComparisonReport.RunInfo run) {
    List<Table> tables = new ArrayList<>();
    tables.add(Columns.SENSITIVITY_SUMMARY.rows(List.of(r.summary())));
    tables.add(Columns.SENSITIVITY_MUNICIPALITIES.rows(r.municipalities()));
    tables.add(Columns.SENSITIVITY_MEASURES.rows(r.measures()));
    tables.add(Columns.SENSITIVITY_WEIGHTS.rows(r.weights()));
    List<Map.Entry<String, String>> about = new ArrayList<>();
    about.add(entry("command line", run.commandLine()));
    about.add(entry("files", Integer.toString(run.files())));
    about.add(entry("municipalities", Integer.toString(r.municipalities().size())));
    about.add(entry("measures", Integer.toString(r.measures().size())));
    about.add(entry("inputs sha256", run.inputsSha256()));
    about.add(entry("codebook", codebook.name()));
    List<CodebookRow> rows = ComparisonReport.codebookRows(codebook);
    codebook.sensitivity().forEach((id, range) -> rows.add(new CodebookRow("sensitivity", id,
        null, "drawn from " + Reason.format(range.low()) + " to "
            + Reason.format(range.high()))));
    return new Report(run.toolVersion(), run.options(), about, tables,
        Columns.CODEBOOK.rows(rows));
  }

  /** The options as the JSON header and About sheet show them, in a fixed order. */
  public static Map<String, Object> options(String asOf, String codebook, boolean preferCoded,
      int samples, long seed, double range) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("as_of", asOf);
    o.put("codebook", codebook);
    o.put("prefer_coded", preferCoded);
    o.put("samples", samples);
    o.put("seed", seed);
    o.put("range", range);
    return o;
  }

  private static Map.Entry<String, String> entry(String k, String v) {
    return new AbstractMap.SimpleImmutableEntry<>(k, v);
  }
}
