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
import org.polcomp.run.TemplateJob;

/** {@code polcomp template}: writes the data-entry workbook. */
@Command(name = TemplateCommand.NAME, mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    description = "Write the data-entry workbook (.xlsx): empty, or filled with the dataset at"
        + " PATH, with drop-down lists from the codebook.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:the dataset is invalid (nothing written)",
        "2:usage error (no -o, a name that is not .xlsx)",
        "3:input/output failure or internal error"})
final class TemplateCommand implements Callable<Integer> {
  /** The command's name on the command line. */
  static final String NAME = "template";

  @Spec CommandSpec spec;
  @Mixin DatasetMixin dataset;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Policy files, directories or workbooks to fill the workbook with (default:"
          + " none, an empty workbook).")
  List<Path> paths;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
      description = "The workbook to write (FILE.xlsx).")
  Path output;

  @Override
  public Integer call() throws IOException {
    return ExitCode.of(TemplateJob.run(new TemplateJob.Options(dataset.options(paths), output),
        Main.console(spec)));
  }
}
