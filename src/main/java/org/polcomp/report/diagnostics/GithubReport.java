package org.polcomp.report.diagnostics;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.diagnostic.Printable;

/**
 * GitHub Actions workflow commands, one line per diagnostic:
 * {@code ::error file=F,line=L,col=C,title=E012::message}, the hint on a second line of the
 * annotation; the closing counts are a {@code ::notice} so that every line of the report is a
 * command. Values are escaped as {@code @actions/core} escapes them.
 */
final class GithubReport implements DiagnosticFormat.DiagnosticWriter {
  @Override
  public void write(List<Diagnostic> diagnostics, RunSummary s, Writer out) throws IOException {
    for (Diagnostic d : diagnostics) {
      out.write(command(d));
      out.write('\n');
    }
    out.write("::notice title=" + escapeProperty("polcomp validate") + "::"
        + escapeData(TextReport.summary(s)) + "\n");
    out.flush();
  }

  /** One diagnostic as a workflow command. */
  static String command(Diagnostic d) {
    StringBuilder b = new StringBuilder("::").append(d.severity().label());
    b.append(" file=").append(escapeProperty(Printable.escape(d.file())));
    // Line and column 0 mean "the whole file": GitHub takes a missing line as that.
    if (d.line() > 0) {
      b.append(",line=").append(d.line());
      if (d.column() > 0) {
        b.append(",col=").append(d.column());
      }
    }
    b.append(",title=").append(escapeProperty(d.code().id()));
    // Controls from the data are shown, not run; the one line break is the hint's own.
    String message = Printable.escape(d.message(), true);
    String text = d.hint() == null ? message
        : message + "\nhint: " + Printable.escape(d.hint(), true);
    return b.append("::").append(escapeData(text)).toString();
  }

  /** The message part of a command ({@code escapeData} in {@code @actions/core}). */
  static String escapeData(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A {@code key=value} property ({@code escapeProperty} in {@code @actions/core}). */
  static String escapeProperty(String s) {
    return escapeData(s).replace(":", "%3A").replace(",", "%2C");
  }
}
