package org.polcomp.aggregate;

/** A row of the {@code experiments} table (OUTPUTS.md), components in column order. */
public record ExperimentRow(
    String municipalityId,
    String municipality,
    String measureId,
    String title,
    String start,
    String end,
    String status,
    String successors,
    String finalMeasure,
    String finalDuration,
    Boolean upscaled,
    Long yearsToStructural) {}
