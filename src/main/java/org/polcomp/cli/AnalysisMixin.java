package org.polcomp.cli;

import org.polcomp.run.AnalysisOptions;
import picocli.CommandLine.Option;

/** Options that change what is counted: {@code --as-of} and {@code --prefer-coded}. */
final class AnalysisMixin {
  @Option(names = "--as-of", paramLabel = "DATE",
      description = "Count only the measures active on DATE (YYYY, YYYY-MM or YYYY-MM-DD; a"
          + " partial date means its first day: 2018 is the day 2018-01-01, not the whole year"
          + " as in the timeline and --years).")
  String asOf;

  @Option(names = "--prefer-coded",
      description = "Aggregates use the human coding where a measure has one (with several"
          + " coders the majority code; a tie: the rules).")
  boolean preferCoded;

  AnalysisOptions options() {
    return new AnalysisOptions(asOf, preferCoded);
  }
}
