package org.polcomp.cli;

import java.io.PrintWriter;
import java.util.List;
import org.polcomp.diagnostic.Diagnostic;

/** Small shared printing for commands that stop on invalid data. */
final class Reports {
  private Reports() {}

  /** Prints the errors (not the warnings) of a run that cannot go on, then a count line. */
  static void printErrors(List<Diagnostic> diagnostics, PrintWriter err) {
    int errors = 0;
    for (Diagnostic d : diagnostics) {
      if (d.isError()) {
        errors++;
        err.println(d.file() + ":" + d.line() + ":" + d.column() + ": error[" + d.code().id()
            + "]: " + d.message());
        if (d.hint() != null) {
          err.println("    hint: " + d.hint());
        }
      }
    }
    err.println("polcomp: the data is invalid (" + errors + (errors == 1 ? " error" : " errors")
        + "); nothing was written. Run 'polcomp validate' for the full report.");
    err.flush();
  }
}
