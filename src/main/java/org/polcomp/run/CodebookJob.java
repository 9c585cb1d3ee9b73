package org.polcomp.run;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.load.CodebookLoader;
import org.polcomp.load.DatasetLoader;
import org.polcomp.load.Limits;
import org.polcomp.report.diagnostics.DiagnosticFormat;
import org.polcomp.report.diagnostics.RunSummary;

/** {@code polcomp codebook}: prints the default codebook, or checks a user's codebook. */
public final class CodebookJob {
  private CodebookJob() {}

  /**
   * What codebook is asked.
   *
   * @param output where the default codebook goes, or null for standard output
   * @param check a user codebook to check instead, or null
   */
  public record Options(Path output, Path check) {}

  /** Prints the default codebook, or checks {@code check}: INVALID when it has errors. */
  public static Outcome run(Options o, Console console) throws IOException {
    if (o.check() != null) {
      return check(o.check(), console);
    }
    Outputs.text(OutputTarget.plain(o.output(), "yaml"), CodebookLoader.defaultText(),
        console.out());
    return Outcome.OK;
  }

  private static Outcome check(Path file, Console console) throws IOException {
    Stages.requireExists(file);
    CodebookLoader loader = new CodebookLoader(Limits.DEFAULT);
    CodebookLoader.Result r = loader.load(file, loader.defaults());
    List<Diagnostic> sorted = r.diagnostics().stream().sorted(Diagnostic.ORDER).toList();
    int errors = (int) sorted.stream().filter(Diagnostic::isError).count();
    StringWriter w = new StringWriter();
    DiagnosticFormat.TEXT.write(sorted, new RunSummary(1, 0, 0, errors, sorted.size() - errors,
        List.of(DatasetLoader.display(file)), Version.current()), w);
    console.out().print(w);
    console.out().flush();
    return errors > 0 ? Outcome.INVALID : Outcome.OK;
  }
}
