/**
 * Diagnostics: what every stage reports instead of throwing.
 *
 * <p>A {@link org.polcomp.diagnostic.Diagnostic} is a value with a {@link
 * org.polcomp.diagnostic.SourceLocation} (file, 1-based line and column), a {@link
 * org.polcomp.diagnostic.Severity}, a stable {@link org.polcomp.diagnostic.Code}, a message that
 * names the key and the bad value, and an optional hint. Stages collect them in a {@link
 * org.polcomp.diagnostic.Diagnostics} and go on; the report formats read the same sorted list.
 */
package org.polcomp.diagnostic;
