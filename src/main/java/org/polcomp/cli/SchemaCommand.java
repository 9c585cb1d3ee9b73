package org.polcomp.cli;

import java.io.IOException;
import org.polcomp.run.SchemaJob;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code polcomp schema}: prints the JSON Schema of the policy file format, for editors. */
final class SchemaCommand implements Subcommand {
  /** The command's name on the command line. */
  static final String NAME = "schema";

  private final CommandSpec spec = Specs.command(this, NAME, new String[] {
      "Print the JSON Schema (draft 2020-12) of the policy file format, for editors.",
      "Editors that complete and check YAML find it through a policy file's first line:",
      "  " + SchemaJob.MODELINE,
      "The repository keeps a copy at " + SchemaJob.REPOSITORY_COPY + "."},
      "0:success", "2:usage error", "3:input/output failure or internal error");
  private final OptionSpec output = Specs.output(spec, false, "FILE",
      "Write the schema to FILE instead of standard output.");

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() throws IOException {
    return ExitCode.of(SchemaJob.run(new SchemaJob.Options(Specs.value(output)),
        Main.console(spec)));
  }
}
