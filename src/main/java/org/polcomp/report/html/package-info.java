/**
 * The HTML report of {@code polcomp compare} (OUTPUTS.md): {@link
 * org.polcomp.report.html.HtmlWriter} takes a {@link org.polcomp.report.Report} and gives one
 * self-contained file, charts drawn as inline SVG, every piece of data escaped by the JDK's XML
 * writer. {@link org.polcomp.report.html.OverviewText} holds the words the HTML report and the
 * workbook's Overview share.
 */
package org.polcomp.report.html;
