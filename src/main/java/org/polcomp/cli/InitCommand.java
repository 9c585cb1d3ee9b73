package org.polcomp.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.polcomp.run.InitJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code polcomp init}: writes a new municipality file to start from. */
@Command(name = InitCommand.NAME, mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    description = "Write a new policy file for one municipality: the schema comment for editors "
        + "and one example measure with every common key explained.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "2:usage error (an invalid ID, or FILE exists and no --force)",
        "3:input/output failure or internal error"})
final class InitCommand implements Callable<Integer> {
  /** The command's name on the command line. */
  static final String NAME = "init";

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID",
      description = "The municipality's id, e.g. GM0344 (letters, digits, '.', '_', '-').")
  String id;

  @Parameters(index = "1", paramLabel = "NAME", description = "The municipality's name.")
  String name;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the file to FILE instead of standard output.")
  Path output;

  @Option(names = "--force", description = "Overwrite FILE when it exists.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    return ExitCode.of(InitJob.run(new InitJob.Options(id, name, output, force),
        Main.console(spec)));
  }
}
