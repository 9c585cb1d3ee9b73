/**
 * The XLSX writer of {@code polcomp compare}, on Apache POI's streaming workbook (SXSSF): sheets,
 * Excel tables, styles and charts. Takes a {@link org.polcomp.report.Report}, gives a workbook
 * that opens without a repair prompt and has the same bytes for the same report.
 */
package org.polcomp.report.xlsx;
