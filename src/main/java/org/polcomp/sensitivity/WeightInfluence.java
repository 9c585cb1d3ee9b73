package org.polcomp.sensitivity;

/**
 * A row of the {@code sensitivity_weights} table: one weight, the values it is moved to one at a
 * time (also the range it is drawn from), and the measures and municipality profiles that change
 * when it is lowered, raised, or either.
 */
public record WeightInfluence(String weight, String rule, Double value, Double low, Double high,
    Boolean ownRange, Long measuresLow, Long measuresHigh, Long measuresChanged,
    Long municipalitiesLow, Long municipalitiesHigh, Long municipalitiesChanged) {}
