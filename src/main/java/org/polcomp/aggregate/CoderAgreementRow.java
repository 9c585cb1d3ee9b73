package org.polcomp.aggregate;

/**
 * A row of the {@code agreement} table with several coders (OUTPUTS.md), components in column
 * order: a row per axis ({@code pair} empty) with the majority code against the rules and the
 * statistics among the coders, then a row per pair of raters and axis ({@code pair} set; the
 * columns of the coders' statistics empty).
 */
public record CoderAgreementRow(
    String axis,
    Long coded,
    Long agreements,
    Double observedAgreement,
    Double cohensKappa,
    Long coders,
    Long units,
    Double krippendorffAlpha,
    Double fleissKappa,
    String pair) {}
