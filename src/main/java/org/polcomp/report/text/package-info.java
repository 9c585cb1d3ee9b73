/**
 * The text views, for people at a terminal: classify's aligned table ({@link
 * org.polcomp.report.text.MeasureTable}), the summary compare prints once its output is written
 * ({@link org.polcomp.report.text.ComparisonSummary}) and the story of one measure that explain
 * tells ({@link org.polcomp.report.text.Explanation}).
 *
 * <p>Like the other writers they take finished values (classified measures, a comparison) and
 * decide nothing about the data; the same values give the same text. Diagnostics have their own
 * text form in {@link org.polcomp.report.diagnostics}.
 */
package org.polcomp.report.text;
