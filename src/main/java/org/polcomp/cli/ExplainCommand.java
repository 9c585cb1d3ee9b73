package org.polcomp.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.polcomp.run.ExplainJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code polcomp explain REF}: the story of one measure's classification. */
@Command(name = ExplainCommand.NAME, mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    description = "Show every rule that fired for one measure, its contribution, the score, the"
        + " labels and the human coding.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:explained", "1:the data is invalid",
        "2:usage error, or no measure has that REF (the closest are suggested)",
        "3:input/output failure"})
final class ExplainCommand implements Callable<Integer> {
  /** The command's name on the command line. */
  static final String NAME = "explain";

  @Spec CommandSpec spec;
  @Mixin DatasetMixin dataset;

  @Parameters(index = "0", paramLabel = "REF",
      description = "The measure, as MUNICIPALITY_ID/MEASURE_ID (e.g. GM0344/plan-einstein).")
  String ref;

  @Parameters(index = "1..*", paramLabel = "PATH", arity = "0..*",
      description = "Policy files or directories (default: policies/).")
  List<Path> paths;

  @Override
  public Integer call() {
    return ExitCode.of(ExplainJob.run(new ExplainJob.Options(dataset.options(paths), ref),
        Main.console(spec)));
  }
}
