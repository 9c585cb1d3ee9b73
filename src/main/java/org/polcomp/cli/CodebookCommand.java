package org.polcomp.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.polcomp.run.CodebookJob;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code polcomp codebook}: prints the default codebook, or checks a user's codebook. */
final class CodebookCommand implements Subcommand {
  /** The command's name on the command line. */
  static final String NAME = "codebook";

  private final CommandSpec spec = Specs.command(this, NAME, new String[] {
      "Print the default codebook, or check a user codebook with --check FILE.",
      "The default is printed as YAML, commented, ready to copy and edit."},
      "0:printed, or the codebook is valid", "1:the checked codebook is invalid",
      "2:usage error", "3:input/output failure");
  private final OptionSpec output = Specs.output(spec, false, "FILE",
      "Write the codebook to FILE instead of standard output.");
  private final OptionSpec check = Specs.option(spec, Path.class, "FILE",
      "Validate a user codebook and report its problems as file:line:col.", "--check");

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() throws IOException {
    return ExitCode.of(CodebookJob.run(new CodebookJob.Options(Specs.value(output),
        Specs.value(check)), Main.console(spec)));
  }
}
