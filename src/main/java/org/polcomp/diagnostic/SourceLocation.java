package org.polcomp.diagnostic;

import java.util.Objects;

/**
 * A place in an input file: the path as the user gave it (with forward slashes) and a 1-based
 * line and column. A diagnostic about a whole file points at 1:1. In a data-entry workbook the
 * place is a cell: {@code sheet} names its sheet, the line is its row and the column its column
 * number; {@code sheet} is null in every other file.
 */
public record SourceLocation(String file, int line, int column, String sheet)
    implements Comparable<SourceLocation> {

  public SourceLocation {
    Objects.requireNonNull(file, "file");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must be >= 0: " + line + ":" + column);
    }
  }

  /** A place in a text file. */
  public SourceLocation(String file, int line, int column) {
    this(file, line, column, null);
  }

  /** The cell in A1 form with its sheet ({@code Measures!E12}), or null outside a workbook. */
  public String cell() {
    if (sheet == null) {
      return null;
    }
    StringBuilder letters = new StringBuilder();
    for (int c = Math.max(1, column); c > 0; c = (c - 1) / 26) {
      letters.insert(0, (char) ('A' + (c - 1) % 26));
    }
    String name = sheet.matches("[A-Za-z0-9_]+") ? sheet : "'" + sheet.replace("'", "''") + "'";
    return name + "!" + letters + line;
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
    // Within a workbook, sheet by sheet (the file-level place, without a sheet, first).
    c = sheet == null ? (o.sheet == null ? 0 : -1) : o.sheet == null ? 1 : sheet.compareTo(o.sheet);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(line, o.line);
    return c != 0 ? c : Integer.compare(column, o.column);
  }

  @Override
  public String toString() {
    return sheet == null ? file + ":" + line + ":" + column : file + ":" + cell();
  }
}
