package org.polcomp.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.polcomp.run.CodebookJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code polcomp codebook}: prints the default codebook, or checks a user's codebook. */
@Command(name = CodebookCommand.NAME, mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    description = {"Print the default codebook, or check a user codebook with --check FILE.",
        "The default is printed as YAML, commented, ready to copy and edit."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:printed, or the codebook is valid", "1:the checked codebook is invalid",
        "2:usage error", "3:input/output failure"})
final class CodebookCommand implements Callable<Integer> {
  /** The command's name on the command line. */
  static final String NAME = "codebook";

  @Spec CommandSpec spec;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the codebook to FILE instead of standard output.")
  Path output;

  @Option(names = "--check", paramLabel = "FILE",
      description = "Validate a user codebook and report its problems as file:line:col.")
  Path check;

  @Override
  public Integer call() throws IOException {
    return ExitCode.of(CodebookJob.run(new CodebookJob.Options(output, check),
        Main.console(spec)));
  }
}
