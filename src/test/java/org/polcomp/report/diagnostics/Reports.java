package org.polcomp.report.diagnostics;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.polcomp.diagnostic.Diagnostic;

/** Shared fixtures of the report tests. */
final class Reports {
  private Reports() {}

  /** A summary over these files: one municipality and measure, the counts from the list. */
  static RunSummary summary(List<String> files, List<Diagnostic> diagnostics) {
    int errors = (int) diagnostics.stream().filter(Diagnostic::isError).count();
    return new RunSummary(files.size(), 1, 1, errors, diagnostics.size() - errors, files,
        "9.9.9-test");
  }

  /** The report of one format as a string. */
  static String write(DiagnosticFormat f, List<Diagnostic> diagnostics, List<String> files)
      throws IOException {
    StringWriter w = new StringWriter();
    f.write(diagnostics, summary(files, diagnostics), w);
    return w.toString();
  }
}
