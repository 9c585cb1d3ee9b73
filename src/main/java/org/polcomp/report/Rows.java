package org.polcomp.report;

import java.util.List;

/**
 * Table rows that know their number and can start anywhere without reading what comes before:
 * a writer can then split a long table (an XLSX table over several sheets) and write the parts
 * at the same time. Iterable any number of times.
 */
public interface Rows extends Iterable<List<Object>> {
  /** The number of rows. */
  long size();

  /** The rows from the {@code offset}-th (0-based) on. */
  Iterable<List<Object>> from(long offset);
}
