package org.polcomp.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.polcomp.run.CompareJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code polcomp compare}: the comparison across municipalities, as XLSX, CSV or JSON. */
@Command(name = CompareCommand.NAME, mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    description = {"Compare the municipalities of a dataset: a workbook, CSV, JSON or HTML.",
        "The format follows OUT (*.xlsx, *.json, *.html, or a directory for CSV) unless",
        "--format says."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:written", "1:the data is invalid (OUT is left as it was)",
        "2:usage error", "3:input/output failure (OUT is left as it was)"})
final class CompareCommand implements Callable<Integer> {
  /** The command's name on the command line. */
  static final String NAME = "compare";

  @Spec CommandSpec spec;
  @Mixin DatasetMixin dataset;
  @Mixin AnalysisMixin analysis;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Policy files or directories (default: policies/).")
  List<Path> paths;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true,
      description = "Where to write: FILE.xlsx, FILE.json, FILE.html, a folder for CSV files (an existing"
          + " one, a name ending in /, or a name without extension), or - for standard output.")
  Path output;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "xlsx, json, csv, html or datapackage (a folder: CSV files for scripts and"
          + " datapackage.json, Frictionless Data Package v2); without it the format follows"
          + " OUT's name.")
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

  @Option(names = "--force",
      description = "Write a workbook to standard output (-o -) even when it is a terminal.")
  boolean force;

  @Option(names = "--years", paramLabel = "FROM..TO",
      description = "Add the panel table: every municipality in every year from FROM to TO"
          + " (1800 to 2200, at most 200 years), over the measures active during each year (a"
          + " period that overlaps the year, as in the timeline; --as-of 2018 instead means the"
          + " day 2018-01-01).")
  String years;

  @Option(names = "--boundaries", paramLabel = "DATE",
      description = "Count each municipality for the one it belongs to on DATE, through the"
          + " municipality lineage table (Cuijk, GM1684, counts for Land van Cuijk, GM1982, from"
          + " 2022-01-01), and add the lineage table.")
  String boundaries;

  @Override
  public Integer call() throws IOException {
    return ExitCode.of(CompareJob.run(new CompareJob.Options(dataset.options(paths),
        analysis.options(), output, format, groupBy, rawCsv, timestamp,
        Main.recordedCommandLine(spec), force, years, boundaries), Main.console(spec)));
  }
}
