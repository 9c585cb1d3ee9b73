package org.polcomp.cli;

import java.io.IOException;
import org.polcomp.run.ClassifyJob;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code polcomp classify}: every measure on the two axes. */
final class ClassifyCommand implements Subcommand {
  /** The command's name on the command line. */
  static final String NAME = "classify";

  private final CommandSpec spec = Specs.command(this, NAME, new String[] {
      "Classify every measure: targeting, duration, quadrant, score and confidence."},
      "0:classified", "1:the data is invalid (diagnostics on stderr, nothing written)",
      "2:usage error", "3:input/output failure");
  private final DatasetMixin dataset = new DatasetMixin(spec);
  private final AnalysisMixin analysis = new AnalysisMixin(spec);
  private final PositionalParamSpec paths = Specs.dataset(spec, "0..*");
  private final OptionSpec format = Specs.option(spec, String.class, "FORMAT",
      "table (aligned, for people), csv or json. Default: table when standard"
          + " output is a terminal, csv otherwise.",
      "--format");
  private final OptionSpec output = Specs.output(spec, false, "FILE",
      "Write to FILE instead of standard output.");
  private final OptionSpec rawCsv = Specs.rawCsv(spec);

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() throws IOException {
    return ExitCode.of(ClassifyJob.run(new ClassifyJob.Options(
        dataset.options(Specs.pathsOf(paths)), analysis.options(), Specs.value(format),
        Specs.value(output), Specs.on(rawCsv)), Main.console(spec)));
  }
}
