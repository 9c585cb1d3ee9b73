package org.polcomp.cli;

import java.time.LocalDate;
import org.polcomp.model.PartialDate;
import picocli.CommandLine.Option;

/** Options that change what is counted: {@code --as-of} and {@code --prefer-coded}. */
public final class AnalysisOptions {
  @Option(names = "--as-of", paramLabel = "DATE",
      description = "Count only the measures active on DATE (YYYY, YYYY-MM or YYYY-MM-DD; a"
          + " partial date means its first day).")
  String asOf;

  @Option(names = "--prefer-coded",
      description = "Aggregates use the human coding where a measure has one.")
  boolean preferCoded;

  /** Fails with a usage error for a malformed date. */
  void check() {
    asOfDate();
  }

  /** The as-of date, or null. */
  LocalDate asOfDate() {
    if (asOf == null) {
      return null;
    }
    return PartialDate.parse(asOf).map(PartialDate::first).orElseThrow(() -> new UsageException(
        "--as-of '" + asOf + "' is not a date", PartialDate.hint(asOf)));
  }
}
