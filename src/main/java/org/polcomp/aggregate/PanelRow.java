package org.polcomp.aggregate;

/** A row of the {@code panel} table (OUTPUTS.md), components in column order. */
public record PanelRow(
    String municipalityId,
    String municipality,
    Long year,
    Long measures,
    Long mainstreamed,
    Long targetGroup,
    Long structural,
    Long temporary,
    Double mainstreamingShare,
    Double structuralShare,
    Double budgetEur,
    String profile) {}
