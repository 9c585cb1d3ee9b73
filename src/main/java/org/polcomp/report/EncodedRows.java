package org.polcomp.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;

/**
 * Rows that were written as CSV records where they were made ({@link CsvWriter#records}), for a
 * run whose only output of them is CSV: the measures of a large dataset, formatted on the reader
 * threads a municipality at a time and parked on disk as the bytes they end as, rather than as
 * cells that were read back and formatted then (that round trip was a sixteenth of a comparison
 * to CSV). Only {@link CsvWriter} reads them, and only one of the same mode ({@link #raw}); they
 * have no cells to iterate.
 */
public abstract class EncodedRows implements Rows {
  private final boolean raw;

  /** Rows encoded by a CSV writer for scripts ({@code raw}) or for spreadsheets. */
  protected EncodedRows(boolean raw) {
    this.raw = raw;
  }

  /** Whether the records were written by the raw writer (no formula guard). */
  public final boolean raw() {
    return raw;
  }

  /** Writes every record, in order. */
  public abstract void writeTo(OutputStream out) throws IOException;

  @Override
  public final Iterator<List<Object>> iterator() {
    throw new IllegalStateException("these rows are CSV records, for a CSV writer only");
  }

  @Override
  public final Iterable<List<Object>> from(long offset) {
    throw new IllegalStateException("these rows are CSV records, for a CSV writer only");
  }
}
