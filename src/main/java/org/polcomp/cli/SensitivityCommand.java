package org.polcomp.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.polcomp.run.SensitivityJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code polcomp sensitivity}: how robust the classification is to the codebook's weights. */
@Command(name = SensitivityCommand.NAME, mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    description = {"Re-classify the dataset under changed weights: each weight lowered and raised"
        + " alone, then N random codebooks; per measure, municipality and weight, how much the"
        + " labels move.",
        "The format follows OUT (*.xlsx, *.json, or a directory for CSV) unless --format says."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:written", "1:the data is invalid (OUT is left as it was)",
        "2:usage error", "3:input/output failure (OUT is left as it was)"})
final class SensitivityCommand implements Callable<Integer> {
  /** The command's name on the command line. */
  static final String NAME = "sensitivity";

  @Spec CommandSpec spec;
  @Mixin DatasetMixin dataset;
  @Mixin AnalysisMixin analysis;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Policy files or directories (default: policies/).")
  List<Path> paths;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true,
      description = "Where to write: FILE.xlsx, FILE.json, a folder for CSV files (an existing"
          + " one, a name ending in /, or a name without extension), or - for standard output.")
  Path output;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "xlsx, json or csv; overrides what OUT's name says.")
  String format;

  @Option(names = "--samples", paramLabel = "N", defaultValue = "1000",
      description = "Random codebooks to classify with (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the generator; the same seed gives the same output"
          + " (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--range", paramLabel = "R", defaultValue = "0.5",
      description = "Each weight w varies by max(1, R x |w|) either way, unless the codebook's"
          + " 'sensitivity' section sets its range (default: ${DEFAULT-VALUE}).")
  double range;

  @Option(names = "--force",
      description = "Write a workbook to standard output (-o -) even when it is a terminal.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    return ExitCode.of(SensitivityJob.run(new SensitivityJob.Options(dataset.options(paths),
        analysis.options(), output, format, samples, seed, range,
        Main.recordedCommandLine(spec), force), Main.console(spec)));
  }
}
