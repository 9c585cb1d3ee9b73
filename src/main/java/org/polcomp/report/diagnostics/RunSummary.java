package org.polcomp.report.diagnostics;

/** The counts that every diagnostic report ends with. */
public record RunSummary(int files, int municipalities, long measures, int errors, int warnings) {}
