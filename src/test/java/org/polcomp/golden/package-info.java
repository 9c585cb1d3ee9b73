/**
 * Golden-file tests: every case under {@code src/test/resources/golden/} run through polcomp's
 * command line and compared with its checked-in outputs ({@code GoldenTest}), the workbook dump
 * those outputs use for XLSX ({@link org.polcomp.golden.XlsxDump}), and the frozen datasets that
 * tests needing fixed data read ({@link org.polcomp.golden.Datasets}).
 */
package org.polcomp.golden;
