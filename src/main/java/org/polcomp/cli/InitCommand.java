package org.polcomp.cli;

import java.io.IOException;
import org.polcomp.run.InitJob;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code polcomp init}: writes a new municipality file to start from. */
final class InitCommand implements Subcommand {
  /** The command's name on the command line. */
  static final String NAME = "init";

  private final CommandSpec spec = Specs.command(this, NAME, new String[] {
      "Write a new policy file for one municipality: the schema comment for editors "
          + "and one example measure with every common key explained."},
      "0:success", "2:usage error (an invalid ID, or FILE exists and no --force)",
      "3:input/output failure or internal error");
  private final PositionalParamSpec id = Specs.parameter(spec, "0", String.class, "ID",
      "The municipality's id, e.g. GM0344 (letters, digits, '.', '_', '-').");
  private final PositionalParamSpec name = Specs.parameter(spec, "1", String.class, "NAME",
      "The municipality's name.");
  private final OptionSpec output = Specs.output(spec, false, "FILE",
      "Write the file to FILE instead of standard output.");
  private final OptionSpec force = Specs.flag(spec, "Overwrite FILE when it exists.",
      "--force");

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() throws IOException {
    return ExitCode.of(InitJob.run(new InitJob.Options(Specs.value(id), Specs.value(name),
        Specs.value(output), Specs.on(force)), Main.console(spec)));
  }
}
