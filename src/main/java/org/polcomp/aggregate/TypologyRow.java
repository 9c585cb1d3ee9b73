package org.polcomp.aggregate;

/**
 * A row of the {@code typology} table (OUTPUTS.md), components in column order. The whole dataset's
 * row has {@code group} {@code all} and a null {@code groupBy}.
 */
public record TypologyRow(
    String groupBy,
    String group,
    Long municipalities,
    Long measures,
    Long mainstreamedStructural,
    Long mainstreamedTemporary,
    Long targetGroupStructural,
    Long targetGroupTemporary,
    Long unclassified,
    Double mainstreamingShare,
    Double structuralShare) {}
