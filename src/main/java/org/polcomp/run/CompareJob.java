package org.polcomp.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.polcomp.aggregate.AggregateOptions;
import org.polcomp.aggregate.Comparison;
import org.polcomp.load.DatasetLoader;
import org.polcomp.report.ComparisonReport;
import org.polcomp.report.CsvWriter;
import org.polcomp.report.JsonWriter;
import org.polcomp.report.Report;
import org.polcomp.report.ReportWriter;
import org.polcomp.report.text.ComparisonSummary;
import org.polcomp.report.xlsx.XlsxWriter;

/** {@code polcomp compare}: the comparison across municipalities, as XLSX, CSV or JSON. */
public final class CompareJob {
  private CompareJob() {}

  /**
   * What compare is asked.
   *
   * @param output FILE.xlsx, FILE.json, or a directory for CSV files
   * @param format xlsx, json or csv (any case), or null to follow the output's name
   * @param groupBy type, region, country or profile, or null
   * @param rawCsv CSV without byte-order mark and formula-injection guard
   * @param timestamp record the generation time
   * @param commandLine the command line as the About sheet records it
   */
  public record Options(DatasetOptions dataset, AnalysisOptions analysis, Path output,
      String format, String groupBy, boolean rawCsv, boolean timestamp, String commandLine) {}

  /** Compares the dataset's municipalities and writes the report; INVALID on errors. */
  public static Outcome run(Options o, Console console) throws IOException {
    String format = format(o.output(), o.format());
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
        return Outcome.INVALID;
      }
      Comparison comparison = stream.comparison();
      Report report = ComparisonReport.of(comparison, stream.measures(run.dataset()),
          run.codebook(), run.warningList(), runInfo(o, run));
      ReportWriter writer = switch (format) {
        case "xlsx" -> new XlsxWriter();
        case "json" -> new JsonWriter();
        default -> new CsvWriter(o.rawCsv());
      };
      if (format.equals("csv")) {
        Files.createDirectories(o.output());
      }
      writer.write(report, o.output());
      if (!o.dataset().quiet()) {
        ComparisonSummary.write(comparison, DatasetLoader.display(o.output()), console.out());
      }
    }
    return Outcome.OK;
  }

  /** What the About sheet and the JSON header say of the run. */
  private static ComparisonReport.RunInfo runInfo(Options o, Stages.Loaded run) {
    String generated =
        o.timestamp() ? Instant.now().truncatedTo(ChronoUnit.SECONDS).toString() : null;
    String codebook = o.dataset().codebook() == null ? "default"
        : DatasetLoader.display(o.dataset().codebook());
    return new ComparisonReport.RunInfo(Version.current(), o.commandLine(),
        ComparisonReport.options(o.analysis().asOf(), o.groupBy(), codebook,
            o.analysis().preferCoded(), generated),
        run.dataset().files().size(), Outputs.inputsSha256(run.dataset()));
  }

  /** The format: {@code format}, else OUT's extension, else CSV into a directory. */
  public static String format(Path output, String format) {
    if (format != null) {
      String f = format.toLowerCase(Locale.ROOT);
      if (!List.of("xlsx", "json", "csv").contains(f)) {
        throw new UsageProblem("unknown --format '" + format + "'", "use xlsx, json or csv");
      }
      return f;
    }
    String name = output.getFileName() == null ? "" : output.getFileName().toString()
        .toLowerCase(Locale.ROOT);
    if (name.endsWith(".xlsx")) {
      return "xlsx";
    }
    if (name.endsWith(".json")) {
      return "json";
    }
    if (name.endsWith(".csv") || name.endsWith(".xls") || name.endsWith(".ods")) {
      throw new UsageProblem("cannot tell the format of '" + DatasetLoader.display(output) + "'",
          "name a .xlsx or .json file, or a directory for CSV files (or say --format)");
    }
    return "csv";
  }
}
