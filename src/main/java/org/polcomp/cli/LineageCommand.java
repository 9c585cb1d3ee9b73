package org.polcomp.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.polcomp.run.LineageJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code polcomp lineage}: prints the municipality lineage table in use. */
@Command(name = LineageCommand.NAME, mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    description = {
        "Print the lineage table of municipality codes, with their successors.",
        "Columns: code, name, valid from, valid to, successor and source. The built-in table",
        "holds the Dutch municipal codes; --lineage adds rows (other countries) or replaces",
        "rows with the same code."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:the lineage file is invalid",
        "2:usage error",
        "3:input/output failure or internal error"})
final class LineageCommand implements Callable<Integer> {
  /** The command's name on the command line. */
  static final String NAME = "lineage";

  @Spec CommandSpec spec;

  @Option(names = "--lineage", paramLabel = "FILE",
      description = "A lineage file whose rows add to or replace those of the built-in table.")
  Path lineage;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "text (aligned columns) or csv. Default: what the name of the -o file says,"
          + " else text.")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the table to FILE (- for standard output, the default).")
  Path output;

  @Override
  public Integer call() throws IOException {
    return ExitCode.of(LineageJob.run(new LineageJob.Options(lineage, format, output),
        Main.console(spec)));
  }
}
