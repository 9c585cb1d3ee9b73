package org.polcomp.cli;

import java.io.IOException;
import org.polcomp.run.ValidateJob;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code polcomp validate}: checks a dataset and reports every diagnostic. */
final class ValidateCommand implements Subcommand {
  /** The command's name on the command line. */
  static final String NAME = "validate";

  private final CommandSpec spec = Specs.command(this, NAME, new String[] {
      "Check a policy dataset against the format and the codebook."},
      "0:no errors (warnings allowed unless --strict)",
      "1:the data is invalid (with --strict, warnings too)",
      "2:usage error (unknown option, bad value, missing path)",
      "3:input/output failure or internal error");
  private final DatasetMixin dataset = new DatasetMixin(spec);
  private final PositionalParamSpec paths = Specs.dataset(spec, "0..*");
  private final OptionSpec format = Specs.option(spec, String.class, "FORMAT",
      "text, json, github, gitlab, junit or sarif. Default: what the name of the"
          + " -o file says (.json, .sarif, .xml for junit), else text.",
      "--format");
  private final OptionSpec output = Specs.output(spec, false, "FILE",
      "Write the report to FILE instead of standard output.");
  private final OptionSpec strict = Specs.flag(spec, "Warnings fail the run too (exit 1).",
      "--strict");

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() throws IOException {
    return ExitCode.of(ValidateJob.run(new ValidateJob.Options(
        dataset.options(Specs.pathsOf(paths)), Specs.value(format), Specs.value(output),
        Specs.on(strict)), Main.console(spec)));
  }
}
