package org.polcomp.aggregate;

import java.time.LocalDate;
import java.util.List;
import org.polcomp.model.Lineage;

/**
 * The options of a comparison.
 *
 * @param asOf count only measures active on this day, or null for all
 * @param preferCoded let aggregates use the human coding where a measure has one
 * @param groupBy null, or the municipality key the typology table groups by: {@code type}, {@code
 *     region}, {@code country} or {@code profile}
 * @param years the years of the panel table, or null for no panel
 * @param boundaries count each municipality for the one it belongs to on this day (through
 *     {@code lineage}), or null to keep municipalities as written
 * @param lineage the lineage table {@code boundaries} uses; required with it, ignored without
 */
public record AggregateOptions(LocalDate asOf, boolean preferCoded, String groupBy,
    YearRange years, LocalDate boundaries, Lineage lineage) {
  /** The values {@code groupBy} may take. */
  public static final List<String> GROUP_BY = List.of("type", "region", "country", "profile");

  public AggregateOptions {
    if (groupBy != null && !GROUP_BY.contains(groupBy)) {
      throw new IllegalArgumentException(
          "group-by must be one of " + String.join(", ", GROUP_BY) + ": " + groupBy);
    }
    if (boundaries != null && lineage == null) {
      throw new IllegalArgumentException("boundaries need a lineage table");
    }
  }

  /** Without a panel and with municipalities as written. */
  public AggregateOptions(LocalDate asOf, boolean preferCoded, String groupBy) {
    this(asOf, preferCoded, groupBy, null, null, null);
  }

  /** No as-of date, rule-based labels, no grouping. */
  public static AggregateOptions defaults() {
    return new AggregateOptions(null, false, null);
  }
}
