/**
 * The outputs of {@code polcomp compare} (docs/outputs.md): one table model, three writers.
 *
 * <p>A {@link org.polcomp.report.Report} holds {@link org.polcomp.report.Table}s in output order;
 * a table has a key, an XLSX sheet name, {@link org.polcomp.report.Column}s (a snake_case key and
 * a {@link org.polcomp.report.ColumnType}) and rows, which may be produced lazily.
 * {@link org.polcomp.report.Columns} declares every table from the record of its rows (the
 * aggregate rows, {@link org.polcomp.aggregate.MeasureRow}, {@link org.polcomp.report.IssueRow}
 * ...): a record's components are the table's columns, so each column list is written once; the
 * writers take the columns from the schema. Three {@link org.polcomp.report.ReportWriter}s show
 * the same tables: {@link org.polcomp.report.xlsx.XlsxWriter} (one sheet per table),
 * {@link org.polcomp.report.CsvWriter} (one file per table) and
 * {@link org.polcomp.report.JsonWriter} (one object). {@link org.polcomp.report.Cells} holds the
 * rules they share: which value a column type takes, and how numbers are written as text.
 *
 * <p>Beside the tables, {@link org.polcomp.report.text} holds the views for people at a terminal
 * (classify's table, compare's summary, explain) and {@link org.polcomp.report.diagnostics} the
 * report formats of the diagnostics, whose text form every command prints.
 *
 * <p>Every file is written through {@link org.polcomp.report.AtomicFile}: a failed run leaves the
 * previous file as it was. The writers decide nothing about the data; the same report gives the
 * same bytes.
 */
package org.polcomp.report;
