package org.polcomp.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.polcomp.aggregate.ClassifiedMeasure;
import org.polcomp.classify.Classification;
import org.polcomp.classify.Reason;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code polcomp classify}: every measure on the two axes. */
@Command(name = "classify", mixinStandardHelpOptions = true,
    description = "Classify every measure: targeting, duration, quadrant, score and confidence.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:classified", "1:the data is invalid (diagnostics on stderr, nothing written)",
        "2:usage error", "3:input/output failure"})
final class ClassifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin AnalysisOptions analysis;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Policy files or directories (default: policies/).")
  List<Path> paths;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "table (aligned, for people), csv or json. Default: table when standard"
          + " output is a terminal, csv otherwise.")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write to FILE instead of standard output.")
  Path output;

  @Option(names = "--raw-csv",
      description = "CSV for scripts: no byte-order mark, no formula-injection guard.")
  boolean rawCsv;

  @Override
  public Integer call() throws IOException {
    String fmt = format != null ? format.toLowerCase(Locale.ROOT)
        : output == null && System.console() != null ? "table" : "csv";
    if (!List.of("table", "csv", "json").contains(fmt)) {
      throw new UsageException("unknown --format '" + format + "'", "use table, csv or json");
    }
    analysis.check();
    if (fmt.equals("table")) {
      // a table for people to read: the dataset is held, to size the columns
      Pipeline.Loaded run = Pipeline.load(common, paths,
          ProgressBar.forStderr(spec.commandLine().getErr(), common.quiet));
      if (run.hasErrors()) {
        Reports.printErrors(run.diagnostics(), spec.commandLine().getErr());
        return ExitCode.INVALID;
      }
      String text = table(Outputs.active(run, analysis.asOfDate()),
          run.dataset().municipalities().size(), terminalWidth());
      Outputs.text(output, text, spec.commandLine().getOut());
      return ExitCode.OK;
    }
    // csv and json stream: the measures wait on disk, not in memory
    try (Streamed stream = Streamed.measuresOnly(analysis.asOfDate())) {
      Pipeline.Loaded run = Pipeline.load(common, paths,
          ProgressBar.forStderr(spec.commandLine().getErr(), common.quiet),
          Pipeline.Keep.COUNTS, stream);
      if (run.hasErrors()) {
        Reports.printErrors(run.diagnostics(), spec.commandLine().getErr());
        return ExitCode.INVALID;
      }
      Outputs.measures(run, stream.measures(run), analysis, fmt, rawCsv, output,
          spec.commandLine().getOut());
    }
    return ExitCode.OK;
  }

  private static int terminalWidth() {
    String cols = System.getenv("COLUMNS");
    try {
      return cols == null ? 120 : Math.max(60, Integer.parseInt(cols.trim()));
    } catch (NumberFormatException e) {
      return 120;
    }
  }

  /** An aligned table: one line per measure, the title cut to fit the width. */
  static String table(List<ClassifiedMeasure> measures, int municipalities, int width) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"MEASURE", "TARGETING", "DURATION", "SCORE", "CONF", "TITLE"});
    for (ClassifiedMeasure cm : measures) {
      Classification c = cm.classification();
      rows.add(new String[] {cm.municipality().ref(cm.measure()), c.targeting().label(),
          c.duration().label(), Reason.format(c.durationScore()), Reason.format(c.confidence()),
          cm.measure().title()});
    }
    int[] w = new int[6];
    for (String[] r : rows) {
      for (int k = 0; k < 5; k++) {
        w[k] = Math.max(w[k], r[k].length());
      }
    }
    int used = w[0] + w[1] + w[2] + w[3] + w[4] + 10;
    int titleWidth = Math.max(10, width - used);
    StringBuilder sb = new StringBuilder();
    for (String[] r : rows) {
      String title = r[5].length() > titleWidth ? r[5].substring(0, titleWidth - 1) + "…" : r[5];
      sb.append(String.format(Locale.ROOT, "%-" + w[0] + "s  %-" + w[1] + "s  %-" + w[2] + "s  %"
          + w[3] + "s  %" + w[4] + "s  %s", r[0], r[1], r[2], r[3], r[4], title).stripTrailing());
      sb.append('\n');
    }
    int n = measures.size();
    sb.append(n).append(n == 1 ? " measure in " : " measures in ").append(municipalities)
        .append(municipalities == 1 ? " municipality" : " municipalities")
        .append('\n');
    return sb.toString();
  }

}
