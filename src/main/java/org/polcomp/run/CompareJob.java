package org.polcomp.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.polcomp.aggregate.AggregateOptions;
import org.polcomp.aggregate.Comparison;
import org.polcomp.load.DatasetLoader;
import org.polcomp.report.ComparisonReport;
import org.polcomp.report.CsvWriter;
import org.polcomp.report.DataPackageWriter;
import org.polcomp.report.JsonWriter;
import org.polcomp.report.Report;
import org.polcomp.report.ReportWriter;
import org.polcomp.report.text.ComparisonSummary;
import org.polcomp.report.html.HtmlWriter;
import org.polcomp.report.xlsx.XlsxWriter;

/**
 * {@code polcomp compare}: the comparison across municipalities, as XLSX, CSV, JSON, HTML or a
 * data package.
 */
public final class CompareJob {
  private CompareJob() {}

  /**
   * What compare is asked.
   *
   * @param output FILE.xlsx, FILE.json, or a directory for CSV files
   * @param format xlsx, json, csv, html or datapackage (any case), or null to follow the output's name
   * @param groupBy type, region, country or profile, or null
   * @param rawCsv CSV without byte-order mark and formula-injection guard
   * @param timestamp record the generation time
   * @param commandLine the command line as the About sheet records it
   * @param force write a workbook to standard output even when it is a terminal
   */
  public record Options(DatasetOptions dataset, AnalysisOptions analysis, Path output,
      String format, String groupBy, boolean rawCsv, boolean timestamp, String commandLine,
      boolean force) {}

  /** The formats compare writes; csv and datapackage are folders of files. */
  public static final OutputTarget.Formats FORMATS = new OutputTarget.Formats(
      List.of("xlsx", "json", "csv", "html", "datapackage"), null, "csv", null,
      List.of("datapackage"));

  /** Compares the dataset's municipalities and writes the report; INVALID on errors. */
  public static Outcome run(Options o, Console console) throws IOException {
    Outputs.refuseInput(o.output(), o.dataset().paths());
    OutputTarget target = OutputTarget.resolve(o.output(), o.format(), FORMATS);
    String format = target.format();
    if (target.stdout() && format.equals("xlsx") && console.terminal().stdoutIsTerminal()
        && !o.force()) {
      throw new UsageProblem("will not write a workbook to the terminal",
          "redirect standard output to a file, name one with -o, or add --force");
    }
    if (o.groupBy() != null && !AggregateOptions.GROUP_BY.contains(o.groupBy())) {
      throw new UsageProblem("unknown --group-by '" + o.groupBy() + "'",
          "use type, region, country or profile");
    }
    AggregateOptions options = new AggregateOptions(Stages.asOf(o.analysis()),
        o.analysis().preferCoded(), o.groupBy());
    // The dataset streams: each municipality is aggregated as it is read and its measure rows
    // wait on disk, so memory does not grow with the number of measures.
    try (Streamed stream = Streamed.comparison(options)) {
      Stages.Loaded run = Stages.load(o.dataset(),
          ProgressBar.forStderr(console, o.dataset().quiet()), Stages.Keep.COUNTS, stream);
      if (run.hasErrors()) {
        Outputs.invalid(run.diagnostics(), console.err());
        return run.failure();
      }
      Comparison comparison = stream.comparison();
      Report report = ComparisonReport.of(comparison, stream.measures(run.dataset()),
          run.codebook(), run.warningList(), runInfo(o, run));
      Outputs.refuseInput(target.path(), Outputs.inputFiles(run.dataset()));
      if (target.stdout()) {
        // the report is the output: no summary, which would land inside it
        console.writeBytes(out -> {
          if (format.equals("xlsx")) {
            new XlsxWriter().write(report, out);
          } else if (format.equals("html")) {
            new HtmlWriter().write(report, out);
          } else {
            new JsonWriter().write(report, out);
          }
        });
        return Outcome.OK;
      }
      ReportWriter writer = switch (format) {
        case "xlsx" -> new XlsxWriter();
        case "json" -> new JsonWriter();
        case "html" -> new HtmlWriter();
        case "datapackage" -> new DataPackageWriter(run.codebook());
        default -> new CsvWriter(o.rawCsv());
      };
      writer.write(report, target.path());
      if (!o.dataset().quiet()) {
        ComparisonSummary.write(comparison, DatasetLoader.display(target.path()), console.out());
      }
    }
    return Outcome.OK;
  }

  /** What the About sheet and the JSON header say of the run. */
  private static ComparisonReport.RunInfo runInfo(Options o, Stages.Loaded run)
      throws IOException {
    String generated =
        o.timestamp() ? Instant.now().truncatedTo(ChronoUnit.SECONDS).toString() : null;
    String codebook = o.dataset().codebook() == null ? "default"
        : DatasetLoader.display(o.dataset().codebook());
    return new ComparisonReport.RunInfo(Version.current(), o.commandLine(),
        ComparisonReport.options(o.analysis().asOf(), o.groupBy(), codebook,
            o.analysis().preferCoded(), generated),
        run.dataset().files().size(), Outputs.inputsSha256(run.dataset(), o.dataset()));
  }
}
