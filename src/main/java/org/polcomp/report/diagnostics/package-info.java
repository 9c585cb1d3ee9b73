/**
 * The report formats of {@code polcomp validate}: text for people, JSON for scripts, and the
 * formats CI systems read (GitHub workflow commands, GitLab Code Quality, JUnit XML, SARIF 2.1.0).
 *
 * <p>Every format takes the same sorted list of {@link org.polcomp.diagnostic.Diagnostic}s and a
 * {@link org.polcomp.report.diagnostics.RunSummary}; none of them decides what is an error.
 */
package org.polcomp.report.diagnostics;
