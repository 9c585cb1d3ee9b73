package org.polcomp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.polcomp.aggregate.AggregateOptions;
import org.polcomp.aggregate.Comparison;
import org.polcomp.aggregate.MunicipalityRow;
import org.polcomp.load.DatasetLoader;
import org.polcomp.report.ComparisonReport;
import org.polcomp.report.CsvWriter;
import org.polcomp.report.JsonWriter;
import org.polcomp.report.Report;
import org.polcomp.report.ReportWriter;
import org.polcomp.report.html.HtmlWriter;
import org.polcomp.report.xlsx.XlsxWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code polcomp compare}: the comparison across municipalities, as XLSX, CSV or JSON. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Compare the municipalities of a dataset: an XLSX workbook, CSV files or JSON.",
        "The format follows OUT (*.xlsx, *.json, or a directory for CSV) unless --format says."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:written", "1:the data is invalid (OUT is left as it was)",
        "2:usage error", "3:input/output failure (OUT is left as it was)"})
final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin AnalysisOptions analysis;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Policy files or directories (default: policies/).")
  List<Path> paths;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true,
      description = "Where to write: FILE.xlsx, FILE.json, FILE.html, or a directory for CSV files.")
  Path output;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "xlsx, json, csv or html; overrides what OUT's name says.")
  String format;

  @Option(names = "--group-by", paramLabel = "KEY",
      description = "Add group rows to the typology table: type, region, country or profile.")
  String groupBy;

  @Option(names = "--raw-csv",
      description = "CSV for scripts: no byte-order mark, no formula-injection guard.")
  boolean rawCsv;

  @Option(names = "--timestamp",
      description = "Record the generation time (outputs then differ from run to run).")
  boolean timestamp;

  @Override
  public Integer call() throws IOException {
    String fmt = format(output, format);
    if (groupBy != null && !List.of("type", "region", "country", "profile").contains(groupBy)) {
      throw new UsageException("unknown --group-by '" + groupBy + "'",
          "use type, region, country or profile");
    }
    analysis.check();
    AggregateOptions options =
        new AggregateOptions(analysis.asOfDate(), analysis.preferCoded, groupBy);
    // The dataset streams: each municipality is aggregated as it is read and its measure rows
    // wait on disk, so memory does not grow with the number of measures.
    try (Streamed stream = Streamed.comparison(options)) {
      Pipeline.Loaded run = Pipeline.load(common, paths,
          ProgressBar.forStderr(spec.commandLine().getErr(), common.quiet), Pipeline.Keep.COUNTS,
          stream);
      PrintWriter err = spec.commandLine().getErr();
      if (run.hasErrors()) {
        Reports.printErrors(run.diagnostics(), err);
        return ExitCode.INVALID;
      }
      Comparison c = stream.comparison(run);
      String generated =
          timestamp ? Instant.now().truncatedTo(ChronoUnit.SECONDS).toString() : null;
      String codebook =
          common.codebook == null ? "default" : DatasetLoader.display(common.codebook);
      Report report = ComparisonReport.of(c, stream.measures(run), run.codebook(),
          Outputs.warnings(run),
          new ComparisonReport.RunInfo(Main.version(),
              // originalArgs holds the whole command line, the subcommand's name included.
              "polcomp " + String.join(" ", spec.commandLine().getParseResult().originalArgs()),
              ComparisonReport.options(analysis.asOf, groupBy, codebook, analysis.preferCoded,
                  generated),
              run.dataset().files().size(), Outputs.inputsSha256(run.dataset())));
      ReportWriter writer = switch (fmt) {
        case "xlsx" -> new XlsxWriter();
        case "json" -> new JsonWriter();
        case "html" -> new HtmlWriter();
        default -> new CsvWriter(rawCsv);
      };
      if (fmt.equals("csv")) {
        Files.createDirectories(output);
      }
      writer.write(report, output);
      if (!common.quiet) {
        summary(c, DatasetLoader.display(output), spec.commandLine().getOut());
      }
    }
    return ExitCode.OK;
  }

  /** The format: --format, else OUT's extension, else CSV into a directory. */
  static String format(Path output, String format) {
    if (format != null) {
      String f = format.toLowerCase(Locale.ROOT);
      if (!List.of("xlsx", "json", "csv", "html").contains(f)) {
        throw new UsageException("unknown --format '" + format + "'",
            "use xlsx, json, csv or html");
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
    if (name.endsWith(".html") || name.endsWith(".htm")) {
      return "html";
    }
    if (name.endsWith(".csv") || name.endsWith(".xls") || name.endsWith(".ods")) {
      throw new UsageException("cannot tell the format of '" + DatasetLoader.display(output) + "'",
          "name a .xlsx or .json file, or a directory for CSV files (or say --format)");
    }
    return "csv";
  }

  /** Past this many municipalities the terminal gets the profiles counted, not one line each. */
  static final int SUMMARY_LINES = 40;

  /**
   * What the terminal shows: a line per municipality with its profile and shares, or for a
   * large dataset (where such a list would scroll past unread) the number of municipalities of
   * each profile; then the totals.
   */
  private static void summary(Comparison c, String where, PrintWriter out) {
    if (c.municipalities().size() > SUMMARY_LINES) {
      Map<String, Long> profiles = new TreeMap<>();
      for (MunicipalityRow r : c.municipalities()) {
        profiles.merge(r.profile(), 1L, Long::sum);
      }
      int width = profiles.keySet().stream().mapToInt(String::length).max().orElse(7);
      out.printf(Locale.ROOT, "%-" + width + "s  %14s%n", "PROFILE", "MUNICIPALITIES");
      profiles.forEach((profile, n) ->
          out.printf(Locale.ROOT, "%-" + width + "s  %14d%n", profile, n));
    } else {
      lines(c, out);
    }
    out.println(c.municipalities().size() + " municipalities, " + c.measures()
        + " measures -> " + where);
    out.flush();
  }

  private static void lines(Comparison c, PrintWriter out) {
    int idWidth = 2;
    int nameWidth = 12;
    for (MunicipalityRow r : c.municipalities()) {
      idWidth = Math.max(idWidth, r.municipalityId().length());
      nameWidth = Math.max(nameWidth, Math.min(30, r.municipality().length()));
    }
    String fmt = "%-" + idWidth + "s  %-" + nameWidth + "s  %8s  %-32s  %12s  %10s%n";
    out.printf(Locale.ROOT, fmt, "ID", "MUNICIPALITY", "MEASURES", "PROFILE", "MAINSTREAMED",
        "STRUCTURAL");
    for (MunicipalityRow r : c.municipalities()) {
      String name = r.municipality().length() > 30 ? r.municipality().substring(0, 29) + "…"
          : r.municipality();
      out.printf(Locale.ROOT, fmt, r.municipalityId(), name, r.measures(), r.profile(),
          percent(r.mainstreamingShare()), percent(r.structuralShare()));
    }
  }

  private static String percent(Double share) {
    return share == null ? "-" : String.format(Locale.ROOT, "%.0f%%", share * 100);
  }
}
