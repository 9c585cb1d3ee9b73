package org.polcomp.aggregate;

import java.time.LocalDate;
import java.util.List;

/**
 * The options of a comparison.
 *
 * @param asOf count only measures active on this day, or null for all
 * @param preferCoded let aggregates use the human coding where a measure has one
 * @param groupBy null, or the municipality key the typology table groups by: {@code type}, {@code
 *     region}, {@code country} or {@code profile}
 */
public record AggregateOptions(LocalDate asOf, boolean preferCoded, String groupBy) {
  /** The values {@code groupBy} may take. */
  public static final List<String> GROUP_BY = List.of("type", "region", "country", "profile");

  public AggregateOptions {
    if (groupBy != null && !GROUP_BY.contains(groupBy)) {
      throw new IllegalArgumentException(
          "group-by must be one of " + String.join(", ", GROUP_BY) + ": " + groupBy);
    }
  }

  /** No as-of date, rule-based labels, no grouping. */
  public static AggregateOptions defaults() {
    return new AggregateOptions(null, false, null);
  }
}
