package org.polcomp.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.polcomp.aggregate.AggregateOptions;
import org.polcomp.aggregate.Comparison;
import org.polcomp.aggregate.YearRange;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.load.DatasetLoader;
import org.polcomp.model.PartialDate;
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
   * @param years the panel's years as written ({@code FROM..TO}), or null for no panel
   * @param boundaries count municipalities for the ones they belong to on this date (as
   *     written: YYYY, YYYY-MM or YYYY-MM-DD), or null to keep them as written
   * @param skipInvalid leave the files with errors out (listed, and in the issues table)
   *     instead of failing the run
   */
  public record Options(DatasetOptions dataset, AnalysisOptions analysis, Path output,
      String format, String groupBy, boolean rawCsv, boolean timestamp, String commandLine,
      boolean force, String years, String boundaries, boolean skipInvalid) {
    /** Failing on invalid files. */
    public Options(DatasetOptions dataset, AnalysisOptions analysis, Path output, String format,
        String groupBy, boolean rawCsv, boolean timestamp, String commandLine, boolean force,
        String years, String boundaries) {
      this(dataset, analysis, output, format, groupBy, rawCsv, timestamp, commandLine, force,
          years, boundaries, false);
    }

    /** Without a panel and with municipalities as written. */
    public Options(DatasetOptions dataset, AnalysisOptions analysis, Path output, String format,
        String groupBy, boolean rawCsv, boolean timestamp, String commandLine, boolean force) {
      this(dataset, analysis, output, format, groupBy, rawCsv, timestamp, commandLine, force,
          null, null);
    }
  }

  /** The formats compare writes; csv and datapackage are folders of files. */
  public static final OutputTarget.Formats FORMATS = new OutputTarget.Formats(
      List.of("xlsx", "json", "csv", "html", "datapackage"), null, "csv", null,
      List.of("datapackage"));

  /** Compares the dataset's municipalities and writes the report; INVALID on errors. */
  public static Outcome run(Options o, Console console) throws IOException {
    Outputs.refuseInput(o.output(), o.dataset());
    OutputTarget target = OutputTarget.resolve(o.output(), o.format(), FORMATS);
    String format = target.format();
    target.refuseWorkbookOnTerminal(console, o.force());
    if (format.equals("xlsx")) {
      // POI's classes are readied beside the reading of a small dataset (Warmup)
      Stages.warmWorkbook(o.dataset());
    }
    if (o.groupBy() != null && !AggregateOptions.GROUP_BY.contains(o.groupBy())) {
      throw new UsageProblem("unknown --group-by '" + o.groupBy() + "'",
          "use type, region, country or profile");
    }
    YearRange years = years(o.years());
    LocalDate boundaries = boundaries(o.boundaries());
    AggregateOptions options = new AggregateOptions(Stages.asOf(o.analysis()),
        o.analysis().preferCoded(), o.groupBy(), years, null, null);
    // The dataset streams: each municipality is aggregated as it is read and its measure rows
    // wait on disk, so memory does not grow with the number of measures.
    // The CSV formats write the measures as records made while the dataset is read.
    CsvWriter csv = switch (format) {
      case "csv" -> new CsvWriter(o.rawCsv());
      case "datapackage" -> DataPackageWriter.csvWriter();
      default -> null;
    };
    try (Streamed stream = Streamed.comparison(options, boundaries != null, csv)) {
      Stages.Loaded run = Stages.load(o.dataset(),
          ProgressBar.forStderr(console, o.dataset().quiet()), Stages.Keep.COUNTS, stream,
          o.skipInvalid());
      Skipped skipped = null;
      if (run.hasErrors()) {
        skipped = o.skipInvalid() ? Skipped.of(run) : null;
        if (skipped == null || skipped.nothingLeft()) {
          Outputs.invalid(run.diagnostics(), console.err());
          if (skipped != null) {
            console.err().println("polcomp: --skip-invalid left nothing to compare: every"
                + " municipality is in a file with errors");
            console.err().flush();
          }
          return run.failure();
        }
        // listed even with --quiet: they are the errors of the run
        skipped.list(console.err());
        stream.leaveOut(skipped.files());
      }
      List<Diagnostic> issues = skipped == null ? run.warningList() : skipped.issues();
      // the parts are made as the files are read; the boundaries only matter when they combine,
      // after the run has read its lineage table (the built-in one, or with --lineage)
      Comparison comparison = stream.combined(boundaries == null ? options
          : new AggregateOptions(options.asOf(), options.preferCoded(), options.groupBy(), years,
              boundaries, run.lineage()));
      Report report = ComparisonReport.of(comparison, stream.measures(run.dataset()),
          run.codebook(), issues, runInfo(o, run, skipped));
      Outputs.refuseInput(target.path(), run.read());
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
        // stderr, so it stays out of the report
        issuesSummary(o, target, skipped, issues, console);
        return Outcome.OK;
      }
      ReportWriter writer = switch (format) {
        case "xlsx" -> new XlsxWriter();
        case "json" -> new JsonWriter();
        case "html" -> new HtmlWriter();
        case "datapackage" -> new DataPackageWriter(run.codebook());
        default -> csv;
      };
      writer.write(report, target.path());
      if (!o.dataset().quiet()) {
        ComparisonSummary.write(comparison, DatasetLoader.display(target.path()), console.out());
      }
      issuesSummary(o, target, skipped, issues, console);
    }
    return Outcome.OK;
  }

  /**
   * Tells standard error, unless quiet, how many files were left out and how many warnings the
   * run had, and where the report lists them; nothing when there are none.
   */
  private static void issuesSummary(Options o, OutputTarget target, Skipped skipped,
      List<Diagnostic> issues, Console console) {
    if (o.dataset().quiet()) {
      return;
    }
    PrintWriter err = console.err();
    String where = issuesPlace(target);
    if (skipped != null) {
      int n = skipped.files().size();
      int e = skipped.errors();
      err.println("polcomp: " + n + (n == 1 ? " file" : " files") + " skipped for " + e
          + (e == 1 ? " error" : " errors") + ": see " + where);
    }
    long w = issues.stream().filter(d -> !d.isError()).count();
    if (w > 0) {
      err.println("polcomp: " + w + (w == 1 ? " warning" : " warnings") + ": see " + where);
    }
    err.flush();
  }

  /** Where the report lists its issues, in the user's words. */
  static String issuesPlace(OutputTarget target) {
    if (target.stdout()) {
      return switch (target.format()) {
        case "xlsx" -> "the Issues sheet of the workbook on standard output";
        case "html" -> "the Issues section of the report on standard output";
        default -> "\"issues\" in the JSON on standard output";
      };
    }
    String name = DatasetLoader.display(target.path());
    return switch (target.format()) {
      case "xlsx" -> "the Issues sheet of " + name;
      case "html" -> "the Issues section of " + name;
      case "json" -> "\"issues\" in " + name;
      // csv and datapackage: a folder
      default -> DatasetLoader.display(target.path().resolve("issues.csv"));
    };
  }

  /** The range of {@code --years}, or null without it. */
  static YearRange years(String text) {
    if (text == null) {
      return null;
    }
    try {
      return YearRange.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageProblem("--years: " + e.getMessage(), String.format(Locale.ROOT,
          "write FROM..TO, years from %d to %d, at most %d of them, e.g. 2015..2024",
          YearRange.MIN_YEAR, YearRange.MAX_YEAR, YearRange.MAX_YEARS));
    }
  }

  /** The day of {@code --boundaries} (a partial date means its first day), or null. */
  static LocalDate boundaries(String text) {
    if (text == null) {
      return null;
    }
    return PartialDate.parse(text).map(PartialDate::first).orElseThrow(() -> new UsageProblem(
        "--boundaries '" + text + "' is not a date", "write YYYY, YYYY-MM or YYYY-MM-DD"));
  }

  /** What the About sheet and the JSON header say of the run. */
  private static ComparisonReport.RunInfo runInfo(Options o, Stages.Loaded run,
      Skipped skipped) throws IOException {
    String generated =
        o.timestamp() ? Instant.now().truncatedTo(ChronoUnit.SECONDS).toString() : null;
    String codebook = o.dataset().codebook() == null ? "default"
        : DatasetLoader.display(o.dataset().codebook());
    Map<String, Object> options = ComparisonReport.options(o.analysis().asOf(), o.groupBy(),
        codebook, o.analysis().preferCoded(), generated);
    // only when given, so that the report of a run without them stays as it was
    if (o.years() != null) {
      options.put("years", years(o.years()).toString());
    }
    if (o.boundaries() != null) {
      options.put("boundaries", boundaries(o.boundaries()).toString());
    }
    if (o.skipInvalid()) {
      options.put(ComparisonReport.SKIPPED_FILES, skipped == null ? 0 : skipped.files().size());
    }
    return new ComparisonReport.RunInfo(Version.current(), o.commandLine(), options,
        run.dataset().files().size(), Outputs.inputsSha256(run.dataset(), o.dataset()));
  }
}
