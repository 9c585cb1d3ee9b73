package org.polcomp.sensitivity;

/**
 * A row of the {@code sensitivity_measures} table: how often one measure's duration label differs
 * from its label under the run's codebook, and which one-at-a-time changes make it differ.
 */
public record MeasureStability(String municipalityId, String measureId, String title,
    String duration, Double durationScore, Long flips, Double flipRate, String flippedBy,
    Boolean stable) {}
