package org.polcomp.aggregate;

/** A row of the {@code timeline} table (OUTPUTS.md), components in column order. */
public record TimelineRow(
    String municipalityId,
    String municipality,
    Long year,
    Long active,
    Long mainstreamed,
    Long targetGroup,
    Long structural,
    Long temporary) {}
