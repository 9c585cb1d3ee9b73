package org.polcomp.run;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * Where a job prints: results to {@code out}, diagnostics and progress to {@code err}, and what
 * is known of the terminal behind them.
 */
public record Console(PrintWriter out, PrintWriter err, Terminal terminal) {
  public Console {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(terminal, "terminal");
  }
}
