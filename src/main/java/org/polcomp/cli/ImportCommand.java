package org.polcomp.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import org.polcomp.run.ImportJob;

/** {@code polcomp import}: turns a filled data-entry workbook into policy files. */
@Command(name = ImportCommand.NAME, mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    description = "Read a filled data-entry workbook (.xlsx, or a folder of its sheets as CSV"
        + " files) and write one policy file per municipality into DIR.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:the workbook is invalid (nothing written)",
        "2:usage error (a file exists and no --force, no -o)",
        "3:input/output failure or internal error"})
final class ImportCommand implements Callable<Integer> {
  /** The command's name on the command line. */
  static final String NAME = "import";

  @Spec CommandSpec spec;
  @Mixin DatasetMixin dataset;

  @Parameters(index = "0", paramLabel = "FILE.xlsx|FOLDER",
      description = "The workbook, or a folder of CSV files named after its sheets.")
  Path input;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
      description = "The folder to write the policy files into.")
  Path output;

  @Option(names = "--force", description = "Replace policy files that exist in DIR.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    return ExitCode.of(ImportJob.run(
        new ImportJob.Options(dataset.options(List.of(input)), output, force),
        Main.console(spec)));
  }
}
