package org.polcomp.report;

/** A row of the XLSX sheet {@code About}: one line of what the run was (value may be null). */
public record AboutRow(String key, String value) {}
