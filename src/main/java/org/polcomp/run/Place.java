package org.polcomp.run;

import java.util.Comparator;

/**
 * Where a municipality was read: the index of its file among the files read (its place in the
 * dataset's files) and its document in that file. Municipalities are found again by place, not by
 * record identity: the same file named twice gives two places.
 */
record Place(int file, int document) implements Comparable<Place> {
  private static final Comparator<Place> ORDER =
      Comparator.comparingInt(Place::file).thenComparingInt(Place::document);

  /** Dataset order: file, then document. */
  @Override
  public int compareTo(Place o) {
    return ORDER.compare(this, o);
  }

  // equals and hashCode written out (the values a record's own give): a record's own are made
  // at their first call, by bootstrap methods that generate classes, a cost every short run paid
  // (every municipality is found again by its place in a hash map).
  @Override
  public boolean equals(Object o) {
    return o instanceof Place p && p.file == file && p.document == document;
  }

  @Override
  public int hashCode() {
    return 31 * file + document;
  }
}
