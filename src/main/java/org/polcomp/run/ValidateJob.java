package org.polcomp.run;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.model.Dataset.InputFile;
import org.polcomp.report.AtomicFile;
import org.polcomp.report.diagnostics.DiagnosticFormat;
import org.polcomp.report.diagnostics.RunSummary;

/** {@code polcomp validate}: checks a dataset and reports every diagnostic. */
public final class ValidateJob {
  private ValidateJob() {}

  /**
   * What validate is asked.
   *
   * @param format text, json, github, gitlab, junit or sarif (any case)
   * @param output the report's file, or null for standard output
   * @param strict warnings fail the run too
   */
  public record Options(DatasetOptions dataset, String format, Path output, boolean strict) {}

  /** Reads and checks the dataset, writes the report; INVALID on errors (or warnings, strict). */
  public static Outcome run(Options o, Console console) throws IOException {
    DiagnosticFormat format = DiagnosticFormat.of(o.format()).orElseThrow(() -> new UsageProblem(
        "unknown --format '" + o.format() + "'", "use text, json, github, gitlab, junit or sarif"));
    boolean quiet = o.dataset().quiet();
    Stages.Loaded run = Stages.load(o.dataset(), ProgressBar.forStderr(console, quiet),
        Stages.Keep.COUNTS, Stages.NO_SINK);
    RunSummary summary = new RunSummary(run.dataset().files().size(),
        run.dataset().municipalities().size(), run.measureCount(), run.errors(),
        run.warnings(), run.dataset().files().stream().map(InputFile::path).toList(),
        Version.current());
    if (o.output() != null) {
      AtomicFile.write(o.output(), out -> {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        format.write(run.diagnostics(), summary, w);
        w.flush();
      });
      if (!quiet || run.hasErrors()) {
        console.err().println(write(DiagnosticFormat.TEXT, List.of(), summary).strip());
      }
    } else if (format != DiagnosticFormat.TEXT || !quiet || run.hasErrors()) {
      // --quiet trims the text report to its errors; machine formats are always complete,
      // since CI tools read an empty file as a broken report.
      List<Diagnostic> shown = quiet && format == DiagnosticFormat.TEXT
          ? run.diagnostics().stream().filter(Diagnostic::isError).toList()
          : run.diagnostics();
      console.out().print(write(format, shown, summary));
      console.out().flush();
    }
    boolean failed = run.hasErrors() || (o.strict() && run.warnings() > 0);
    return failed ? Outcome.INVALID : Outcome.OK;
  }

  private static String write(DiagnosticFormat format, List<Diagnostic> diagnostics,
      RunSummary summary) throws IOException {
    StringWriter w = new StringWriter();
    format.write(diagnostics, summary, w);
    return w.toString();
  }
}
