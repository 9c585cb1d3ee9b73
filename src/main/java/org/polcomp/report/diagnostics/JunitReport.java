package org.polcomp.report.diagnostics;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.polcomp.diagnostic.Diagnostic;

/** Placeholder until the Junit format is written: falls back to text. */
final class JunitReport implements DiagnosticFormat.DiagnosticWriter {
  @Override
  public void write(List<Diagnostic> diagnostics, RunSummary s, Writer out) throws IOException {
    new TextReport().write(diagnostics, s, out);
  }
}
