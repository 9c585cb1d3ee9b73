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
import org.polcomp.report.diagnostics.TextReport;
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

  /** The report formats of validate; a name without a known extension gets the text report. */
  static final OutputTarget.Formats FORMATS = new OutputTarget.Formats(
      List.of("text", "json", "github", "gitlab", "junit", "sarif"), "text", null, "text");

  /** Reads and checks the dataset, writes the report; INVALID on errors (or warnings, strict). */
  public static Outcome run(Options o, Console console) throws IOException {
    Outputs.refuseInput(o.output(), o.dataset());
    OutputTarget target = OutputTarget.resolve(o.output(), o.format(), FORMATS);
    DiagnosticFormat format = DiagnosticFormat.of(target.format()).orElseThrow();
    boolean quiet = o.dataset().quiet();
    Stages.Loaded run = Stages.load(o.dataset(), ProgressBar.forStderr(console, quiet),
        Stages.Keep.COUNTS, Stages.NO_SINK);
    RunSummary summary = new RunSummary(run.dataset().files().size(),
        run.dataset().municipalities().size(), run.measureCount(), run.errors(),
        run.warnings(), run.dataset().files().stream().map(InputFile::path).toList(),
        Version.current());
    if (!target.stdout()) {
      Outputs.refuseInput(target.path(), run.read());
      AtomicFile.write(target.path(), out -> {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        format.write(run.diagnostics(), summary, w);
        w.flush();
      });
      if (!quiet) {
        console.err().println(write(DiagnosticFormat.TEXT, List.of(), summary).strip());
      }
    } else if (format != DiagnosticFormat.TEXT) {
      // machine formats are always complete, --quiet or not: CI tools read an empty file as a
      // broken report
      console.out().print(write(format, run.diagnostics(), summary));
      console.out().flush();
    } else if (quiet) {
      // --quiet: the errors and nothing else, not even the summary line
      StringWriter w = new StringWriter();
      TextReport.diagnostics(run.diagnostics().stream().filter(Diagnostic::isError).toList(), w);
      console.out().print(w);
      console.out().flush();
    } else {
      console.out().print(write(format, run.diagnostics(), summary));
      console.out().flush();
    }
    boolean failed = run.hasErrors() || (o.strict() && run.warnings() > 0);
    return !failed ? Outcome.OK : run.hasErrors() ? run.failure() : Outcome.INVALID;
  }

  private static String write(DiagnosticFormat format, List<Diagnostic> diagnostics,
      RunSummary summary) throws IOException {
    StringWriter w = new StringWriter();
    format.write(diagnostics, summary, w);
    return w.toString();
  }
}
