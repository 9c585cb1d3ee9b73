package org.polcomp.cli;

import org.polcomp.run.ExplainJob;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code polcomp explain REF}: the story of one measure's classification. */
final class ExplainCommand implements Subcommand {
  /** The command's name on the command line. */
  static final String NAME = "explain";

  private final CommandSpec spec = Specs.command(this, NAME, new String[] {
      "Show every rule that fired for one measure, its contribution, the score, the"
          + " labels and the human coding."},
      "0:explained", "1:the data is invalid",
      "2:usage error, or no measure has that REF (the closest are suggested)",
      "3:input/output failure");
  private final DatasetMixin dataset = new DatasetMixin(spec);
  private final PositionalParamSpec ref = Specs.parameter(spec, "0", String.class, "REF",
      "The measure, as MUNICIPALITY_ID/MEASURE_ID (e.g. GM0344/plan-einstein).");
  private final PositionalParamSpec paths = Specs.dataset(spec, "1..*");

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() {
    return ExitCode.of(ExplainJob.run(new ExplainJob.Options(
        dataset.options(Specs.pathsOf(paths)), Specs.value(ref)), Main.console(spec)));
  }
}
