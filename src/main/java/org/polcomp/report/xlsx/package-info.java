/**
 * The XLSX writer of {@code polcomp compare}: Apache POI's streaming workbook (SXSSF) makes the
 * structure (sheets with their header rows, Excel tables, styles, charts), and the data rows are
 * written straight into the package, sheet by sheet on every core ({@link
 * org.polcomp.report.xlsx.SheetRows}, {@link org.polcomp.report.xlsx.Repack}) as the bytes POI
 * would write. Takes a {@link org.polcomp.report.Report}, gives a workbook that opens without a
 * repair prompt and has the same bytes for the same report.
 */
package org.polcomp.report.xlsx;
