package org.polcomp.aggregate;

/** A row of the {@code domains} table (OUTPUTS.md), components in column order. */
public record DomainRow(
    String municipalityId,
    String municipality,
    String domain,
    Long measures,
    Long mainstreamed,
    Long targetGroup,
    Long structural,
    Long temporary,
    Double mainstreamingShare,
    Double structuralShare) {}
