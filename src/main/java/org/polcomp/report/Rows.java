package org.polcomp.report;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

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

  /** A view that maps each item to its row when iterated, so no table of cells is ever built. */
  static <T> Rows of(List<T> items, Function<? super T, List<Object>> toRow) {
    return new Rows() {
      @Override
      public long size() {
        return items.size();
      }

      @Override
      public Iterable<List<Object>> from(long offset) {
        int start = (int) Math.min(offset, items.size());
        return of(items.subList(start, items.size()), toRow);
      }

      @Override
      public Iterator<List<Object>> iterator() {
        return new Iterator<>() {
          private int i;

          @Override
          public boolean hasNext() {
            return i < items.size();
          }

          @Override
          public List<Object> next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return toRow.apply(items.get(i++));
          }
        };
      }
    };
  }
}
