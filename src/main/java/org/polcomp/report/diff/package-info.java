/**
 * The views of a {@link org.polcomp.diff.DatasetDiff}: text for a terminal, Markdown for a pull
 * request comment or a job summary, and the {@code changes} and {@code summary} tables that the
 * JSON, CSV and XLSX writers show (docs/outputs.md, "polcomp diff").
 *
 * <p>Every view reads the same list of changes in the same order, so the formats agree row for
 * row; the workbook is a plain one (a bold frozen header, an autofilter, widths from the
 * content, one sheet per table), not the comparison workbook.
 */
package org.polcomp.report.diff;
