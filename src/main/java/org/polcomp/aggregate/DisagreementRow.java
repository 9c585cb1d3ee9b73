package org.polcomp.aggregate;

/**
 * A row of the {@code disagreements} table (OUTPUTS.md), the reconciliation queue: a measure and
 * axis where the human codes disagree with each other or with the rules.
 *
 * @param codes each coder's code, {@code coder=code; ...} in the order of the file
 * @param majority the majority code, empty for a tie
 */
public record DisagreementRow(
    String municipalityId,
    String measureId,
    String title,
    String axis,
    String rules,
    String codes,
    String majority) {}
