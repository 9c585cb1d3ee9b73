package org.polcomp.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.polcomp.run.ClassifyJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code polcomp classify}: every measure on the two axes. */
@Command(name = ClassifyCommand.NAME, mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    description = "Classify every measure: targeting, duration, quadrant, score and confidence.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:classified", "1:the data is invalid (diagnostics on stderr, nothing written)",
        "2:usage error", "3:input/output failure"})
final class ClassifyCommand implements Callable<Integer> {
  /** The command's name on the command line. */
  static final String NAME = "classify";

  @Spec CommandSpec spec;
  @Mixin DatasetMixin dataset;
  @Mixin AnalysisMixin analysis;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Policy files or directories (default: policies/).")
  List<Path> paths;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "table (aligned, for people), csv or json. Default: table when standard"
          + " output is a terminal, csv otherwise.")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write to FILE instead of standard output.")
  Path output;

  @Option(names = "--raw-csv",
      description = "CSV for scripts: no byte-order mark, no formula-injection guard.")
  boolean rawCsv;

  @Override
  public Integer call() throws IOException {
    return ExitCode.of(ClassifyJob.run(new ClassifyJob.Options(dataset.options(paths),
        analysis.options(), format, output, rawCsv), Main.console(spec)));
  }
}
