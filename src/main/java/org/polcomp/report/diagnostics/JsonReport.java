package org.polcomp.report.diagnostics;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.polcomp.diagnostic.Diagnostic;

/**
 * {@code {"files", "municipalities", "measures", "errors", "warnings", "diagnostics": [...]}} for
 * scripts; every diagnostic has all seven keys, in a fixed order, {@code hint} null when absent.
 */
final class JsonReport implements DiagnosticFormat.DiagnosticWriter {
  @Override
  public void write(List<Diagnostic> diagnostics, RunSummary s, Writer out) throws IOException {
    JsonOutput.write(out, g -> {
      g.writeStartObject();
      g.writeNumberProperty("files", s.files());
      g.writeNumberProperty("municipalities", s.municipalities());
      g.writeNumberProperty("measures", s.measures());
      g.writeNumberProperty("errors", s.errors());
      g.writeNumberProperty("warnings", s.warnings());
      g.writeArrayPropertyStart("diagnostics");
      for (Diagnostic d : diagnostics) {
        g.writeStartObject();
        g.writeStringProperty("file", d.file());
        g.writeNumberProperty("line", d.line());
        g.writeNumberProperty("column", d.column());
        g.writeStringProperty("severity", d.severity().label());
        g.writeStringProperty("code", d.code().id());
        g.writeStringProperty("message", d.located());
        g.writeStringProperty("hint", d.hint());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }
}
