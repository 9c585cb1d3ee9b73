package org.polcomp.aggregate;

/** A row of the {@code lineage} table (OUTPUTS.md), components in column order. */
public record LineageRow(
    String municipalityId,
    String municipality,
    String countedAs,
    String countedAsName,
    String since) {}
