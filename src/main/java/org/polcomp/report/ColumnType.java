package org.polcomp.report;

/**
 * What a column holds, and so how each writer shows it. The Java type of a cell follows from it:
 * see {@link Cells#check}.
 */
public enum ColumnType {
  /** Free text: a {@link String}. */
  TEXT,
  /** A whole number: a {@link Long} or an {@link Integer}. */
  INTEGER,
  /** A decimal number: a {@link Double} (whole numbers are accepted too). */
  NUMBER,
  /** A fraction from 0 to 1: a {@link Double}; a percentage in XLSX. */
  SHARE,
  /** A date as written ({@code 2016-11}, {@code open}): a {@link String}, never a date cell. */
  DATE_TEXT,
  /** {@code true}/{@code false}: a {@link Boolean}. */
  BOOLEAN,
  /** A web address: a {@link String}; an XLSX hyperlink when it is http or https. */
  URL,
  /**
   * A row's extension fields: a {@link java.util.Map} from name to a JSON-like value (string,
   * number, boolean, null, list, map). Only JSON shows it; XLSX and CSV leave the column out.
   */
  EXTENSIONS;

  /** Whether the column appears in the tabular formats (XLSX, CSV). */
  public boolean tabular() {
    return this != EXTENSIONS;
  }

  /** Whether a cell of this type holds a string. */
  public boolean textual() {
    return this == TEXT || this == DATE_TEXT || this == URL;
  }
}
