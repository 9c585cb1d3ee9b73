package org.polcomp.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.polcomp.run.DiffJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code polcomp diff}: what changed between two versions of a dataset. */
@Command(name = DiffCommand.NAME, mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    description = {"Show what changed between two versions of a dataset: municipalities added,"
        + " removed and merged, measures added and removed, every changed field, classification"
        + " and rule, and each municipality's profile and shares.",
        "polcomp diff OLD NEW compares two paths; polcomp diff --git REV [PATH...] compares PATH"
            + " (default: policies/) at git revision REV with the working tree."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:compared (with or without differences, unless --exit-code)",
        "1:with --exit-code, the versions differ; or the data of one side is invalid",
        "2:usage error (also: git missing, a path outside a repository, an unknown REV)",
        "3:input/output failure"})
final class DiffCommand implements Callable<Integer> {
  /** The command's name on the command line. */
  static final String NAME = "diff";

  @Spec CommandSpec spec;
  @Mixin DatasetMixin dataset;
  @Mixin AnalysisMixin analysis;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "OLD and NEW (each a file or folder); with --git, the paths to compare"
          + " (default: policies/).")
  List<Path> paths;

  @Option(names = "--git", paramLabel = "REV",
      description = "Compare the paths as they were at git revision REV (a commit, branch or"
          + " tag, such as HEAD~1 or origin/main) with the working tree; needs git on the PATH.")
  String git;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "text (the default), markdown (for a pull request comment or"
          + " $GITHUB_STEP_SUMMARY), json, csv (one file of change rows) or xlsx; overrides"
          + " what OUT's name says.")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT",
      description = "Write to OUT instead of standard output (- is standard output); without"
          + " --format, .md, .json, .csv, .xlsx or .txt say the format.")
  Path output;

  @Option(names = "--exit-code",
      description = "Exit 1 when the versions differ, 0 when they do not (as git diff"
          + " --exit-code).")
  boolean exitCode;

  @Option(names = "--raw-csv",
      description = "CSV for scripts: no byte-order mark, no formula-injection guard.")
  boolean rawCsv;

  @Option(names = "--force",
      description = "Write a workbook to standard output (-o -) even when it is a terminal.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    return ExitCode.of(DiffJob.run(new DiffJob.Options(dataset.options(paths),
        analysis.options(), git, format, output, exitCode, rawCsv, force),
        Main.console(spec)));
  }
}
