package org.polcomp.report;

import java.io.IOException;
import java.nio.file.Path;

/** Writes a {@link Report} in one format to a file or directory, atomically per file. */
public interface ReportWriter {
  /** Writes the report to {@code target}; an existing target is replaced only when done. */
  void write(Report report, Path target) throws IOException;
}
