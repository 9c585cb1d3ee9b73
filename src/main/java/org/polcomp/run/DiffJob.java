package org.polcomp.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polcomp.aggregate.AggregateOptions;
import org.polcomp.aggregate.Aggregator;
import org.polcomp.aggregate.ClassifiedMeasure;
import org.polcomp.aggregate.Comparison;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.diff.DatasetDiff;
import org.polcomp.diff.Differ;
import org.polcomp.diff.DatasetVersion;
import org.polcomp.load.DatasetLoader;
import org.polcomp.model.Lineage;
import org.polcomp.report.AtomicFile;
import org.polcomp.report.CsvWriter;
import org.polcomp.report.JsonWriter;
import org.polcomp.report.Report;
import org.polcomp.report.diff.DiffTables;
import org.polcomp.report.diff.DiffText;
import org.polcomp.report.diff.DiffWorkbook;

/** {@code polcomp diff}: what changed between two versions of a dataset. */
public final class DiffJob {
  private DiffJob() {}

  /**
   * What diff is asked.
   *
   * @param dataset the options of reading; its paths are NEW (with {@code gitRevision}) or OLD
   *     and NEW
   * @param gitRevision compare the paths at this git revision with the working tree, or null
   * @param format text, markdown, json, csv or xlsx, or null to follow OUT (text by default)
   * @param output the file to write, or null (or {@code -}) for standard output
   * @param exitCode report differences as {@link Outcome#DIFFERENT}
   * @param rawCsv CSV without byte-order mark and formula-injection guard
   * @param force write a workbook to standard output even when it is a terminal
   */
  public record Options(DatasetOptions dataset, AnalysisOptions analysis, String gitRevision,
      String format, Path output, boolean exitCode, boolean rawCsv, boolean force) {}

  /** The formats diff writes: each is one file. */
  public static final OutputTarget.Formats FORMATS = new OutputTarget.Formats(
      List.of("text", "markdown", "json", "csv", "xlsx"), "text", null, "text");

  /** Compares the two versions and writes the report. */
  public static Outcome run(Options o, Console console) throws IOException {
    List<Path> paths = o.dataset().paths();
    if (o.gitRevision() == null && paths.size() != 2) {
      throw new UsageProblem("diff compares two versions: give OLD and NEW (" + paths.size()
          + (paths.size() == 1 ? " path given)" : " paths given)"),
          "polcomp diff OLD NEW, or polcomp diff --git REV [PATH...] against the working tree");
    }
    Outputs.refuseInput(o.output(), o.dataset());
    OutputTarget target = OutputTarget.resolve(o.output(), o.format(), FORMATS);
    target.refuseWorkbookOnTerminal(console, o.force());
    LocalDate asOf = Stages.asOf(o.analysis());
    List<Diagnostic> lineageErrors = new ArrayList<>();
    Lineage lineage = Stages.lineage(o.dataset().lineage(), Stages.limits(o.dataset()),
        lineageErrors);
    if (lineage == null) {
      Outputs.invalid(lineageErrors, console.err());
      return lineageErrors.stream().anyMatch(d -> d.code() == Code.E023) ? Outcome.UNREADABLE
          : Outcome.INVALID;
    }
    if (o.gitRevision() == null) {
      Side old = side(o, List.of(paths.get(0)), DatasetLoader.display(paths.get(0)), null,
          console);
      if (old.failure() != null) {
        return old.failure();
      }
      Side neu = side(o, List.of(paths.get(1)), DatasetLoader.display(paths.get(1)), null,
          console);
      return neu.failure() != null ? neu.failure()
          : report(o, target, lineage, asOf, old, neu, console);
    }
    List<Path> at = paths.isEmpty() ? List.of(Stages.DEFAULT_DATASET) : paths;
    try (GitRevision rev = GitRevision.read(o.gitRevision(), at)) {
      Side old = side(o, rev.paths(), rev.label(), rev, console);
      if (old.failure() != null) {
        return old.failure();
      }
      List<String> names = new ArrayList<>();
      for (Path p : at) {
        names.add(DatasetLoader.display(p));
      }
      Side neu = side(o, at, String.join(" ", names), null, console);
      return neu.failure() != null ? neu.failure()
          : report(o, target, lineage, asOf, old, neu, console);
    }
  }

  /**
   * One version, read and aggregated: its name in the report, the diff's view of it and the
   * files read; or, when it has errors (printed), how the run ends.
   */
  private record Side(String name, DatasetVersion version, List<Path> files, Outcome failure) {}

  /** Reads one side; with its errors printed and its failure set when it has errors. */
  private static Side side(Options o, List<Path> paths, String name, GitRevision rev,
      Console console) {
    DatasetOptions d = o.dataset();
    DatasetOptions opts = new DatasetOptions(paths, d.codebook(), d.lineage(), d.quiet(),
        d.threads(), d.maxFileBytes(), d.maxDepth(), d.maxString(), d.maxAliases());
    Stages.Loaded run = Stages.load(opts, ProgressBar.forStderr(console, d.quiet()),
        Stages.Keep.ALL, Stages.NO_SINK);
    if (run.hasErrors()) {
      invalid(name, run.diagnostics(), rev, console.err());
      return new Side(name, null, List.of(), run.failure());
    }
    List<ClassifiedMeasure> measures = Outputs.classified(run);
    Comparison comparison = new Aggregator(run.codebook()).aggregate(run.dataset(), measures,
        new AggregateOptions(Stages.asOf(o.analysis()), o.analysis().preferCoded(), null));
    return new Side(name, DatasetVersion.of(run.dataset().municipalities(), measures,
        comparison.municipalities()), Outputs.inputFiles(run.dataset()), null);
  }

  /** The errors of one side, its files named as the user knows them ({@code REV:path}). */
  private static void invalid(String name, List<Diagnostic> diagnostics, GitRevision rev,
      PrintWriter err) {
    StringWriter w = new StringWriter();
    Outputs.invalid(diagnostics, new PrintWriter(w));
    String text = w.toString();
    if (rev != null) {
      String prefix = DatasetLoader.display(rev.folder()) + "/";
      String revision = rev.label().substring(0, rev.label().indexOf(':') + 1);
      text = text.replace(prefix, revision);
    }
    err.println("polcomp: " + name + " is invalid:");
    err.print(text);
    err.flush();
  }

  private static Outcome report(Options o, OutputTarget target, Lineage lineage, LocalDate asOf,
      Side old, Side neu, Console console) throws IOException {
    DatasetDiff diff = new Differ(lineage, asOf).diff(old.version(), neu.version());
    List<Path> inputs = new ArrayList<>(old.files());
    inputs.addAll(neu.files());
    Outputs.refuseInput(target.path(), inputs);
    Path output = target.path();
    switch (target.format()) {
      case "text" -> Outputs.text(output, DiffText.text(old.name(), neu.name(), diff),
          console.out());
      case "markdown" -> Outputs.text(output, DiffText.markdown(old.name(), neu.name(), diff),
          console.out());
      case "csv" -> {
        boolean bom = !o.rawCsv() && output != null;
        Outputs.bytes(output, out -> new CsvWriter(o.rawCsv(), bom)
            .write(DiffTables.changes(diff), out), console);
      }
      case "json" -> Outputs.bytes(output, out -> new JsonWriter()
          .write(report(o, old, neu, lineage, diff), out), console);
      default -> Outputs.bytes(output, out -> DiffWorkbook.write(report(o, old, neu, lineage,
          diff), out), console);
    }
    if (output != null && !o.dataset().quiet()) {
      console.out().println(diff.summary() + "; written to " + DatasetLoader.display(output));
      console.out().flush();
    }
    return o.exitCode() && !diff.isEmpty() ? Outcome.DIFFERENT : Outcome.OK;
  }

  /** The diff with what the JSON header and the About sheet say of the run. */
  private static Report report(Options o, Side old, Side neu, Lineage lineage, DatasetDiff diff) {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("old", old.name());
    options.put("new", neu.name());
    options.put("git", o.gitRevision());
    options.put("as_of", o.analysis().asOf());
    options.put("prefer_coded", o.analysis().preferCoded());
    options.put("codebook", o.dataset().codebook() == null ? "default"
        : DatasetLoader.display(o.dataset().codebook()));
    Path file = o.dataset().lineage();
    options.put("lineage", file == null ? "built-in (" + lineage.size() + " codes)"
        : DatasetLoader.display(file));
    return DiffTables.report(Version.current(), options, diff);
  }

}
