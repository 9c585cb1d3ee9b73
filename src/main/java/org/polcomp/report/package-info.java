/**
 * The outputs of {@code polcomp compare} (docs/outputs.md): one table model, three writers.
 *
 * <p>A {@link org.polcomp.report.Report} holds {@link org.polcomp.report.Table}s in output order;
 * a table has a key, an XLSX sheet name, {@link org.polcomp.report.Column}s (a snake_case key and
 * a {@link org.polcomp.report.ColumnType}) and rows, which may be produced lazily.
 * {@link org.polcomp.report.Columns} declares every table's columns once; the writers take them
 * from there. Three {@link org.polcomp.report.ReportWriter}s show the same tables:
 * {@link org.polcomp.report.xlsx.XlsxWriter} (one sheet per table),
 * {@link org.polcomp.report.CsvWriter} (one file per table) and
 * {@link org.polcomp.report.JsonWriter} (one object). {@link org.polcomp.report.Cells} holds the
 * rules they share: which value a column type takes, and how numbers are written as text.
 *
 * <p>Every file is written through {@link org.polcomp.report.AtomicFile}: a failed run leaves the
 * previous file as it was. The writers decide nothing about the data; the same report gives the
 * same bytes.
 */
package org.polcomp.report;
