package org.polcomp.load;

import java.util.List;

/**
 * One sheet of a data-entry workbook as read: its name and its non-blank cells row by row, each
 * cell with its 1-based row and column, so that every value keeps its place.
 */
record Grid(String name, List<List<Cell>> rows, List<Merge> merges) {
  Grid {
    rows = List.copyOf(rows);
    merges = List.copyOf(merges);
  }

  /** How a cell stored its value. */
  enum Type {
    /** Text as typed. */
    TEXT,
    /** A number; the text is its plain decimal form ({@code 12000.5}, {@code 2016}). */
    NUMBER,
    /** A number cell formatted as a date; the text is the day, {@code 2016-11-01}. */
    DATE,
    /** TRUE or FALSE; the text is {@code true} or {@code false}. */
    BOOLEAN,
    /** An error value such as {@code #N/A}. */
    ERROR
  }

  /** A cell that holds a value; {@code formula} when the value is a formula's cached result. */
  record Cell(int row, int column, Type type, String text, boolean formula) {}

  /** A range of merged cells, 1-based and inclusive, named as in the sheet (A2:C2). */
  record Merge(int firstRow, int firstColumn, String range) {}
}
