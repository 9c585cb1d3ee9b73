package org.polcomp.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.polcomp.run.ImportJob;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code polcomp import}: turns a filled data-entry workbook into policy files. */
final class ImportCommand implements Subcommand {
  /** The command's name on the command line. */
  static final String NAME = "import";

  private final CommandSpec spec = Specs.command(this, NAME, new String[] {
      "Read a filled data-entry workbook (.xlsx, or a folder of its sheets as CSV"
          + " files) and write one policy file per municipality into DIR."},
      "0:success", "1:the workbook is invalid (nothing written)",
      "2:usage error (a file exists and no --force, no -o)",
      "3:input/output failure or internal error");
  private final DatasetMixin dataset = new DatasetMixin(spec);
  private final PositionalParamSpec input = Specs.parameter(spec, "0", Path.class,
      "FILE.xlsx|FOLDER", "The workbook, or a folder of CSV files named after its sheets.");
  private final OptionSpec output = Specs.required(spec, Path.class, "DIR",
      "The folder to write the policy files into.", "-o", "--output");
  private final OptionSpec force = Specs.flag(spec, "Replace policy files that exist in DIR.",
      "--force");

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() throws IOException {
    return ExitCode.of(ImportJob.run(new ImportJob.Options(
        dataset.options(List.of(Specs.<Path>value(input))), Specs.value(output),
        Specs.on(force)), Main.console(spec)));
  }
}
