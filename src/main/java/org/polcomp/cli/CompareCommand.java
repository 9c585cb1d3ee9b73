package org.polcomp.cli;

import java.io.IOException;
import org.polcomp.run.CompareJob;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code polcomp compare}: the comparison across municipalities, as XLSX, CSV or JSON. */
final class CompareCommand implements Subcommand {
  /** The command's name on the command line. */
  static final String NAME = "compare";

  private final CommandSpec spec = Specs.command(this, NAME, new String[] {
      "Compare the municipalities of a dataset: a workbook, CSV, JSON or HTML.",
      "The format follows OUT (*.xlsx, *.json, *.html, or a directory for CSV) unless",
      "--format says."},
      Specs.WRITES_OUT);
  private final DatasetMixin dataset = new DatasetMixin(spec);
  private final AnalysisMixin analysis = new AnalysisMixin(spec);
  private final PositionalParamSpec paths = Specs.dataset(spec, "0..*");
  private final OptionSpec output = Specs.output(spec, true, "OUT",
      "Where to write: FILE.xlsx, FILE.json, FILE.html, a folder for CSV files (an existing"
          + " one, a name ending in /, or a name without extension), or - for standard output.");
  private final OptionSpec format = Specs.option(spec, String.class, "FORMAT",
      "xlsx, json, csv, html or datapackage (a folder: CSV files for scripts and"
          + " datapackage.json, Frictionless Data Package v2); without it the format follows"
          + " OUT's name.",
      "--format");
  private final OptionSpec groupBy = Specs.option(spec, String.class, "KEY",
      "Add group rows to the typology table: type, region, country or profile.", "--group-by");
  private final OptionSpec rawCsv = Specs.rawCsv(spec);
  private final OptionSpec timestamp = Specs.flag(spec,
      "Record the generation time (outputs then differ from run to run).", "--timestamp");
  private final OptionSpec force = Specs.forceWorkbook(spec);
  private final OptionSpec years = Specs.option(spec, String.class, "FROM..TO",
      "Add the panel table: every municipality in every year from FROM to TO"
          + " (1800 to 2200, at most 200 years), over the measures active during each year (a"
          + " period that overlaps the year, as in the timeline; --as-of 2018 instead means the"
          + " day 2018-01-01).",
      "--years");
  private final OptionSpec boundaries = Specs.option(spec, String.class, "DATE",
      "Count each municipality for the one it belongs to on DATE, through the"
          + " municipality lineage table (Cuijk, GM1684, counts for Land van Cuijk, GM1982, from"
          + " 2022-01-01), and add the lineage table.",
      "--boundaries");
  private final OptionSpec skipInvalid = Specs.flag(spec,
      "Leave the files with errors out instead of failing: each is listed on stderr and, with"
          + " its errors, in the issues table; the About sheet and the JSON options say how"
          + " many were skipped (skipped_files).",
      "--skip-invalid");

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() throws IOException {
    return ExitCode.of(CompareJob.run(new CompareJob.Options(
        dataset.options(Specs.pathsOf(paths)), analysis.options(), Specs.value(output),
        Specs.value(format), Specs.value(groupBy), Specs.on(rawCsv), Specs.on(timestamp),
        Main.recordedCommandLine(spec), Specs.on(force), Specs.value(years),
        Specs.value(boundaries), Specs.on(skipInvalid)), Main.console(spec)));
  }
}
