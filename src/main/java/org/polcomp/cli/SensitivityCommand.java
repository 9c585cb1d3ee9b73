package org.polcomp.cli;

import java.io.IOException;
import org.polcomp.run.SensitivityJob;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code polcomp sensitivity}: how robust the classification is to the codebook's weights. */
final class SensitivityCommand implements Subcommand {
  /** The command's name on the command line. */
  static final String NAME = "sensitivity";

  private final CommandSpec spec = Specs.command(this, NAME, new String[] {
      "Re-classify the dataset under changed weights: each weight lowered and raised"
          + " alone, then N random codebooks; per measure, municipality and weight, how much the"
          + " labels move.",
      "The format follows OUT (*.xlsx, *.json, or a directory for CSV) unless --format says."},
      Specs.WRITES_OUT);
  private final DatasetMixin dataset = new DatasetMixin(spec);
  private final AnalysisMixin analysis = new AnalysisMixin(spec);
  private final PositionalParamSpec paths = Specs.dataset(spec, "0..*");
  private final OptionSpec output = Specs.output(spec, true, "OUT",
      "Where to write: FILE.xlsx, FILE.json, a folder for CSV files (an existing"
          + " one, a name ending in /, or a name without extension), or - for standard output.");
  private final OptionSpec format = Specs.option(spec, String.class, "FORMAT",
      "xlsx, json or csv; overrides what OUT's name says.", "--format");
  private final OptionSpec samples = Specs.number(spec, int.class, "N", "1000", 1,
      Integer.MAX_VALUE,
      "Random codebooks to classify with (default: ${DEFAULT-VALUE}).", "--samples");
  private final OptionSpec seed = Specs.number(spec, long.class, "S", "1", Long.MIN_VALUE,
      Long.MAX_VALUE,
      "Seed of the generator; the same seed gives the same output"
          + " (default: ${DEFAULT-VALUE}).",
      "--seed");
  private final OptionSpec range = Specs.number(spec, double.class, "R", "0.5", 0.0,
      SensitivityJob.MAX_RANGE,
      "Each weight w varies by max(1, R x |w|) either way, unless the codebook's"
          + " 'sensitivity' section sets its range (default: ${DEFAULT-VALUE}; 0 to 1000).",
      "--range");
  private final OptionSpec force = Specs.forceWorkbook(spec);

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() throws IOException {
    return ExitCode.of(SensitivityJob.run(new SensitivityJob.Options(
        dataset.options(Specs.pathsOf(paths)), analysis.options(), Specs.value(output),
        Specs.value(format), Specs.<Integer>value(samples), Specs.<Long>value(seed),
        Specs.<Double>value(range), Main.recordedCommandLine(spec), Specs.on(force)),
        Main.console(spec)));
  }
}
