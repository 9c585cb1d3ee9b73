package org.polcomp.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.polcomp.run.SchemaJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code polcomp schema}: prints the JSON Schema of the policy file format, for editors. */
@Command(name = SchemaCommand.NAME, mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    description = {
        "Print the JSON Schema (draft 2020-12) of the policy file format, for editors.",
        "Editors that complete and check YAML find it through a policy file's first line:",
        "  " + SchemaJob.MODELINE,
        "The repository keeps a copy at " + SchemaJob.REPOSITORY_COPY + "."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "2:usage error",
        "3:input/output failure or internal error"})
final class SchemaCommand implements Callable<Integer> {
  /** The command's name on the command line. */
  static final String NAME = "schema";

  @Spec CommandSpec spec;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the schema to FILE instead of standard output.")
  Path output;

  @Override
  public Integer call() throws IOException {
    return ExitCode.of(SchemaJob.run(new SchemaJob.Options(output), Main.console(spec)));
  }
}
