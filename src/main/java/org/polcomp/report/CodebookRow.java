package org.polcomp.report;

/**
 * A row of the XLSX sheet {@code Codebook}, components in column order.
 *
 * @param rule the rule id or the vocabulary ({@code D1}, {@code D3 instrument}, {@code domain})
 * @param id the setting, evidence or value
 * @param weight its weight or lean, null when it has none
 * @param description what it means, null when the codebook says nothing
 */
public record CodebookRow(String rule, String id, Double weight, String description) {}
