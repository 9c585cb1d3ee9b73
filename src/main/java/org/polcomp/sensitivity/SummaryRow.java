package org.polcomp.sensitivity;

/**
 * The one row of the {@code sensitivity_summary} table: how many labels hold in at least 95% of
 * the samples.
 */
public record SummaryRow(Long samples, Long seed, Double range, Long weights, Long measures,
    Long measuresStable, Double measuresStableShare, Long municipalities,
    Long municipalitiesStable, Double municipalitiesStableShare) {}
