package org.polcomp.cli;

import org.polcomp.run.AnalysisOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Options that change what is counted: {@code --as-of} and {@code --prefer-coded}. */
final class AnalysisMixin {
  private final OptionSpec asOf;
  private final OptionSpec preferCoded;

  AnalysisMixin(CommandSpec spec) {
    asOf = Specs.option(spec, String.class, "DATE",
        "Count only the measures active on DATE (YYYY, YYYY-MM or YYYY-MM-DD; a"
            + " partial date means its first day: 2018 is the day 2018-01-01, not the whole year"
            + " as in the timeline and --years).",
        "--as-of");
    preferCoded = Specs.flag(spec,
        "Aggregates use the human coding where a measure has one (with several"
            + " coders the majority code; a tie: the rules).",
        "--prefer-coded");
  }

  AnalysisOptions options() {
    return new AnalysisOptions(Specs.value(asOf), Specs.on(preferCoded));
  }
}
