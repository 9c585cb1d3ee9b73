package org.polcomp.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.polcomp.run.LineageJob;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code polcomp lineage}: prints the municipality lineage table in use. */
final class LineageCommand implements Subcommand {
  /** The command's name on the command line. */
  static final String NAME = "lineage";

  private final CommandSpec spec = Specs.command(this, NAME, new String[] {
      "Print the lineage table of municipality codes, with their successors.",
      "Columns: code, name, valid from, valid to, successor and source. The built-in table",
      "holds the Dutch municipal codes; --lineage adds rows (other countries) or replaces",
      "rows with the same code."},
      "0:success", "1:the lineage file is invalid", "2:usage error",
      "3:input/output failure or internal error");
  private final OptionSpec lineage = Specs.option(spec, Path.class, "FILE",
      "A lineage file whose rows add to or replace those of the built-in table.", "--lineage");
  private final OptionSpec format = Specs.option(spec, String.class, "FORMAT",
      "text (aligned columns) or csv. Default: what the name of the -o file says,"
          + " else text.",
      "--format");
  private final OptionSpec output = Specs.output(spec, false, "FILE",
      "Write the table to FILE (- for standard output, the default).");

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() throws IOException {
    return ExitCode.of(LineageJob.run(new LineageJob.Options(Specs.value(lineage),
        Specs.value(format), Specs.value(output)), Main.console(spec)));
  }
}
