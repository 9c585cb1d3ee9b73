package org.polcomp.report.diagnostics;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.polcomp.diagnostic.Diagnostic;

/**
 * The formats of {@code polcomp validate --format}: each reads the same sorted list of
 * diagnostics and the run's counts, and writes one report.
 */
public enum DiagnosticFormat {
  TEXT(new TextReport()),
  JSON(new JsonReport()),
  GITHUB(new GithubReport()),
  GITLAB(new GitlabReport()),
  JUNIT(new JunitReport()),
  SARIF(new SarifReport());

  private final DiagnosticWriter writer;

  DiagnosticFormat(DiagnosticWriter writer) {
    this.writer = writer;
  }

  /** Writes the report; the diagnostics must already be sorted. */
  public void write(List<Diagnostic> diagnostics, RunSummary summary, Writer out)
      throws IOException {
    writer.write(diagnostics, summary, out);
  }

  /** The format for a {@code --format} word, case-insensitive. */
  public static Optional<DiagnosticFormat> of(String name) {
    for (DiagnosticFormat f : values()) {
      if (f.name().equalsIgnoreCase(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** One report format. */
  interface DiagnosticWriter {
    void write(List<Diagnostic> diagnostics, RunSummary summary, Writer out) throws IOException;
  }
}
