package org.polcomp.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.polcomp.aggregate.Aggregator;
import org.polcomp.report.AtomicFile;
import org.polcomp.report.Columns;
import org.polcomp.report.ComparisonReport;
import org.polcomp.report.CsvWriter;
import org.polcomp.report.JsonWriter;
import org.polcomp.report.Report;
import org.polcomp.report.Table;
import org.polcomp.report.text.MeasureTable;

/** {@code polcomp classify}: every measure on the two axes. */
public final class ClassifyJob {
  private ClassifyJob() {}

  /**
   * What classify is asked.
   *
   * @param format table, csv or json (any case), or null: a table on a terminal, else csv
   * @param output the file to write, or null for standard output
   * @param rawCsv CSV without byte-order mark and formula-injection guard
   */
  public record Options(DatasetOptions dataset, AnalysisOptions analysis, String format,
      Path output, boolean rawCsv) {}

  /** Classifies the dataset's measures and writes them; INVALID (nothing written) on errors. */
  public static Outcome run(Options o, Console console) throws IOException {
    String format = format(o, console.terminal());
    LocalDate asOf = Stages.asOf(o.analysis());
    if (format.equals("table")) {
      return table(o, asOf, console);
    }
    // csv and json stream: the measures wait on disk, not in memory
    try (Streamed stream = Streamed.measuresOnly(asOf)) {
      Stages.Loaded run = Stages.load(o.dataset(),
          ProgressBar.forStderr(console, o.dataset().quiet()), Stages.Keep.COUNTS, stream);
      if (run.hasErrors()) {
        Outputs.invalid(run.diagnostics(), console.err());
        return Outcome.INVALID;
      }
      Table measures = stream.measures(run.dataset());
      AtomicFile.Body body;
      if (format.equals("csv")) {
        body = out -> new CsvWriter(o.rawCsv()).write(measures, out);
      } else {
        // the measures table of OUTPUTS.md, built alone rather than as part of a comparison
        Report report = new Report(Version.current(), ComparisonReport.options(o.analysis().asOf(),
            null, run.codebook().name(), o.analysis().preferCoded(), null), List.of(),
            List.of(measures), Columns.CODEBOOK.with(List.of()));
        body = out -> new JsonWriter().write(report, out);
      }
      Outputs.bytes(o.output(), body, console.out());
    }
    return Outcome.OK;
  }

  /** A table for people to read: the dataset is held, to size the columns. */
  private static Outcome table(Options o, LocalDate asOf, Console console) throws IOException {
    Stages.Loaded run = Stages.load(o.dataset(),
        ProgressBar.forStderr(console, o.dataset().quiet()), Stages.Keep.ALL, Stages.NO_SINK);
    if (run.hasErrors()) {
      Outputs.invalid(run.diagnostics(), console.err());
      return Outcome.INVALID;
    }
    String text = MeasureTable.of(
        Aggregator.active(run.dataset(), Outputs.classified(run), asOf),
        run.dataset().municipalities().size(), console.terminal().width());
    Outputs.text(o.output(), text, console.out());
    return Outcome.OK;
  }

  private static String format(Options o, Terminal terminal) {
    String format = o.format() != null ? o.format().toLowerCase(Locale.ROOT)
        : o.output() == null && terminal.stdoutIsTerminal() ? "table" : "csv";
    if (!List.of("table", "csv", "json").contains(format)) {
      throw new UsageProblem("unknown --format '" + o.format() + "'", "use table, csv or json");
    }
    return format;
  }
}
