/**
 * The data-entry workbook (SHEETS.md) and its way back: {@link
 * org.polcomp.report.sheets.TemplateWriter} writes the workbook, empty or filled with a dataset,
 * with drop-downs bound to the codebook through named ranges on a hidden Lists sheet; {@link
 * org.polcomp.report.sheets.PolicyYaml} writes a municipality read from a workbook as a policy
 * file in the format's key order. The layout both follow is {@link org.polcomp.load.SheetLayout}.
 */
package org.polcomp.report.sheets;
