package org.polcomp.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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
    Outputs.refuseInput(o.output(), o.dataset());
    OutputTarget target = OutputTarget.resolve(o.output(), o.format(), new OutputTarget.Formats(
        List.of("table", "csv", "json"),
        // a table for people on a terminal, csv for everything else
        (o.output() == null || o.output().toString().equals("-"))
            && console.terminal().stdoutIsTerminal() ? "table" : "csv", null, "table"));
    String format = target.format();
    Path output = target.path();
    LocalDate asOf = Stages.asOf(o.analysis());
    if (format.equals("table")) {
      return table(o, output, asOf, console);
    }
    // csv and json stream: the measures wait on disk, not in memory
    // no byte-order mark on standard output: a pipe's reader is a program
    CsvWriter csv = format.equals("csv")
        ? new CsvWriter(o.rawCsv(), !o.rawCsv() && output != null) : null;
    try (Streamed stream = Streamed.measuresOnly(asOf, csv)) {
      Stages.Loaded run = Stages.load(o.dataset(),
          ProgressBar.forStderr(console, o.dataset().quiet()), Stages.Keep.COUNTS, stream);
      if (run.hasErrors()) {
        Outputs.invalid(run.diagnostics(), console.err());
        return run.failure();
      }
      Table measures = stream.measures(run.dataset());
      AtomicFile.Body body;
      Outputs.refuseInput(target.path(), run.read());
      if (csv != null) {
        body = out -> csv.write(measures, out);
      } else {
        // the measures table of OUTPUTS.md, built alone rather than as part of a comparison
        Report report = new Report(Version.current(), ComparisonReport.options(o.analysis().asOf(),
            null, run.codebook().name(), o.analysis().preferCoded(), null), List.of(),
            List.of(measures), Columns.CODEBOOK.with(List.of()));
        body = out -> new JsonWriter().write(report, out);
      }
      Outputs.bytes(output, body, console);
    }
    return Outcome.OK;
  }

  /** A table for people to read: the dataset is held, to size the columns. */
  private static Outcome table(Options o, Path output, LocalDate asOf, Console console)
      throws IOException {
    Stages.Loaded run = Stages.load(o.dataset(),
        ProgressBar.forStderr(console, o.dataset().quiet()), Stages.Keep.ALL, Stages.NO_SINK);
    if (run.hasErrors()) {
      Outputs.invalid(run.diagnostics(), console.err());
      return run.failure();
    }
    String text = MeasureTable.of(
        Aggregator.active(run.dataset(), Outputs.classified(run), asOf),
        run.dataset().municipalities().size(), console.terminal().width());
    Outputs.text(output, text, console.out());
    return Outcome.OK;
  }
}
