package org.polcomp.cli;

import java.io.IOException;
import org.polcomp.run.TemplateJob;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code polcomp template}: writes the data-entry workbook. */
final class TemplateCommand implements Subcommand {
  /** The command's name on the command line. */
  static final String NAME = "template";

  private final CommandSpec spec = Specs.command(this, NAME, new String[] {
      "Write the data-entry workbook (.xlsx): empty, or filled with the dataset at"
          + " PATH, with drop-down lists from the codebook."},
      "0:success", "1:the dataset is invalid (nothing written)",
      "2:usage error (no -o, a name that is not .xlsx)",
      "3:input/output failure or internal error");
  private final DatasetMixin dataset = new DatasetMixin(spec);
  private final PositionalParamSpec paths = Specs.paths(spec, "PATH",
      "Policy files, directories or workbooks to fill the workbook with (default:"
          + " none, an empty workbook).");
  private final OptionSpec output = Specs.output(spec, true, "FILE",
      "The workbook to write (FILE.xlsx).");

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() throws IOException {
    return ExitCode.of(TemplateJob.run(new TemplateJob.Options(
        dataset.options(Specs.pathsOf(paths)), Specs.value(output)), Main.console(spec)));
  }
}
