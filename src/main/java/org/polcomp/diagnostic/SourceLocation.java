package org.polcomp.diagnostic;

import java.util.Objects;

/**
 * A place in an input file: the path as the user gave it (with forward slashes) and a 1-based
 * line and column. A diagnostic about a whole file points at 1:1.
 */
public record SourceLocation(String file, int line, int column) implements Comparable<SourceLocation> {

  public SourceLocation {
    Objects.requireNonNull(file, "file");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must be >= 0: " + line + ":" + column);
    }
  }

  /** A location that names only the file. */
  public static SourceLocation ofFile(String file) {
    return new SourceLocation(file, 1, 1);
  }

  @Override
  public int compareTo(SourceLocation o) {
    int c = file.compareTo(o.file);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(line, o.line);
    return c != 0 ? c : Integer.compare(column, o.column);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
