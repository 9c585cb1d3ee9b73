package org.polcomp.report;

import org.polcomp.diagnostic.Diagnostic;

/** A row of the {@code issues} table (OUTPUTS.md): one warning of the run, components in order. */
public record IssueRow(
    String file, Long line, Long column, String severity, String code, String message) {

  /** The row of one diagnostic. */
  public static IssueRow of(Diagnostic d) {
    return new IssueRow(d.file(), (long) d.line(), (long) d.column(), d.severity().label(),
        d.code().id(), d.located());
  }
}
