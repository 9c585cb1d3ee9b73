package org.polcomp.aggregate;

/** A row of the {@code agreement} table (OUTPUTS.md), components in column order. */
public record AgreementRow(
    String axis, Long coded, Long agreements, Double observedAgreement, Double cohensKappa) {}
