package org.polcomp.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.polcomp.run.ValidateJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code polcomp validate}: checks a dataset and reports every diagnostic. */
@Command(name = ValidateCommand.NAME, mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    description = "Check a policy dataset against the format and the codebook.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:no errors (warnings allowed unless --strict)",
        "1:the data is invalid (with --strict, warnings too)",
        "2:usage error (unknown option, bad value, missing path)",
        "3:input/output failure or internal error"})
final class ValidateCommand implements Callable<Integer> {
  /** The command's name on the command line. */
  static final String NAME = "validate";

  @Spec CommandSpec spec;
  @Mixin DatasetMixin dataset;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Policy files or directories (default: policies/).")
  List<Path> paths;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "text, json, github, gitlab, junit or sarif. Default: what the name of the"
          + " -o file says (.json, .sarif, .xml for junit), else text.")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(names = "--strict", description = "Warnings fail the run too (exit 1).")
  boolean strict;

  @Override
  public Integer call() throws IOException {
    return ExitCode.of(ValidateJob.run(
        new ValidateJob.Options(dataset.options(paths), format, output, strict),
        Main.console(spec)));
  }
}
