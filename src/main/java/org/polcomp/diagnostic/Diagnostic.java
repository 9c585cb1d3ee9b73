package org.polcomp.diagnostic;

import java.util.Comparator;
import java.util.Objects;

/**
 * One finding about the input: where, how bad, which stable {@link Code}, what happened and, where
 * it helps, how to fix it. Reports sort diagnostics by {@link #ORDER}.
 */
public record Diagnostic(
    SourceLocation location, Severity severity, Code code, String message, String hint) {

  /** File, line, column, then code and message: the order of every report. */
  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::location)
          .thenComparing(d -> d.code().id())
          .thenComparing(Diagnostic::message);

  public Diagnostic {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    hint = hint == null || hint.isBlank() ? null : hint;
  }

  /** A diagnostic with the code's default severity. */
  public static Diagnostic of(SourceLocation at, Code code, String message, String hint) {
    return new Diagnostic(at, code.severity(), code, message, hint);
  }

  /** A diagnostic with the code's default severity and no hint. */
  public static Diagnostic of(SourceLocation at, Code code, String message) {
    return of(at, code, message, null);
  }

  /**
   * A value of the input as a message quotes it: whole up to 60 characters, else its first 57 and
   * "...", so that a value of megabytes never makes a report of megabytes. A cut never splits a
   * pair of surrogates (which a report would print as '?').
   */
  public static String clip(String s) {
    if (s.length() <= 60) {
      return s;
    }
    int end = Character.isHighSurrogate(s.charAt(56)) ? 56 : 57;
    return s.substring(0, end) + "...";
  }

  /**
   * The message as reports print it apart from the location: with the cell first when the place
   * is a cell of a workbook ({@code Measures!E12: unknown value ...}), so that formats whose
   * location has only a line and a column still name the sheet.
   */
  public String located() {
    String cell = location.cell();
    return cell == null ? message : cell + ": " + message;
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  public String file() {
    return location.file();
  }

  public int line() {
    return location.line();
  }

  public int column() {
    return location.column();
  }
}
