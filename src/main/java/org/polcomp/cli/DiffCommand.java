package org.polcomp.cli;

import java.io.IOException;
import org.polcomp.run.DiffJob;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code polcomp diff}: what changed between two versions of a dataset. */
final class DiffCommand implements Subcommand {
  /** The command's name on the command line. */
  static final String NAME = "diff";

  private final CommandSpec spec = Specs.command(this, NAME, new String[] {
      "Show what changed between two versions of a dataset: municipalities added,"
          + " removed and merged, measures added and removed, every changed field, classification"
          + " and rule, and each municipality's profile and shares.",
      "polcomp diff OLD NEW compares two paths; polcomp diff --git REV [PATH...] compares PATH"
          + " (default: policies/) at git revision REV with the working tree."},
      "0:compared (with or without differences, unless --exit-code)",
      "1:with --exit-code, the versions differ; or the data of one side is invalid",
      "2:usage error (also: git missing, a path outside a repository, an unknown REV)",
      "3:input/output failure");
  private final DatasetMixin dataset = new DatasetMixin(spec);
  private final AnalysisMixin analysis = new AnalysisMixin(spec);
  private final PositionalParamSpec paths = Specs.paths(spec, "PATH",
      "OLD and NEW (each a file or folder); with --git, the paths to compare"
          + " (default: policies/).");
  private final OptionSpec git = Specs.option(spec, String.class, "REV",
      "Compare the paths as they were at git revision REV (a commit, branch or"
          + " tag, such as HEAD~1 or origin/main) with the working tree; needs git on the PATH.",
      "--git");
  private final OptionSpec format = Specs.option(spec, String.class, "FORMAT",
      "text (the default), markdown (for a pull request comment or"
          + " $GITHUB_STEP_SUMMARY), json, csv (one file of change rows) or xlsx; overrides"
          + " what OUT's name says.",
      "--format");
  private final OptionSpec output = Specs.output(spec, false, "OUT",
      "Write to OUT instead of standard output (- is standard output); without"
          + " --format, .md, .json, .csv, .xlsx or .txt say the format.");
  private final OptionSpec exitCode = Specs.flag(spec,
      "Exit 1 when the versions differ, 0 when they do not (as git diff --exit-code).",
      "--exit-code");
  private final OptionSpec rawCsv = Specs.rawCsv(spec);
  private final OptionSpec force = Specs.forceWorkbook(spec);

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() throws IOException {
    return ExitCode.of(DiffJob.run(new DiffJob.Options(dataset.options(Specs.pathsOf(paths)),
        analysis.options(), Specs.value(git), Specs.value(format), Specs.value(output),
        Specs.on(exitCode), Specs.on(rawCsv), Specs.on(force)), Main.console(spec)));
  }
}
