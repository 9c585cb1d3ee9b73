package org.polcomp.report.diagnostics;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.diagnostic.Printable;

/**
 * {@code FILE:LINE:COL: error[E012]: message}, the hint indented below, then a summary line. The
 * one text form of a diagnostic: every command prints diagnostics through {@link #diagnostics}.
 */
public final class TextReport implements DiagnosticFormat.DiagnosticWriter {
  @Override
  public void write(List<Diagnostic> diagnostics, RunSummary s, Writer out) throws IOException {
    diagnostics(diagnostics, out);
    out.write(summary(s));
    out.write('\n');
  }

  /** Writes each diagnostic as a line, its hint on the next, without the summary line. */
  public static void diagnostics(List<Diagnostic> diagnostics, Writer out) throws IOException {
    for (Diagnostic d : diagnostics) {
      out.write(line(d));
      out.write('\n');
      if (d.hint() != null) {
        out.write("    hint: " + oneLine(d.hint()) + "\n");
      }
    }
  }

  /** One diagnostic as a compiler-style line. */
  static String line(Diagnostic d) {
    return Printable.escape(d.file()) + ":" + d.line() + ":" + d.column() + ": " + d.severity().label() + "["
        + d.code().id() + "]: " + oneLine(d.message());
  }

  /** A value quoted in a message may hold line breaks or controls; one diagnostic stays one line. */
  static String oneLine(String s) {
    return Printable.escape(s);
  }

  /** The closing count line. */
  static String summary(RunSummary s) {
    return s.files() + (s.files() == 1 ? " file, " : " files, ") + s.municipalities()
        + (s.municipalities() == 1 ? " municipality, " : " municipalities, ") + s.measures()
        + (s.measures() == 1 ? " measure: " : " measures: ") + s.errors()
        + (s.errors() == 1 ? " error, " : " errors, ") + s.warnings()
        + (s.warnings() == 1 ? " warning" : " warnings");
  }
}
