package org.polcomp.run;

/**
 * What changes what is counted.
 *
 * @param asOf count only the measures active on this date (YYYY, YYYY-MM or YYYY-MM-DD, as the
 *     user wrote it), or null for all
 * @param preferCoded aggregates use the human coding where a measure has one
 */
public record AnalysisOptions(String asOf, boolean preferCoded) {
  /** Every measure, by the rules' labels. */
  public static final AnalysisOptions NONE = new AnalysisOptions(null, false);
}
