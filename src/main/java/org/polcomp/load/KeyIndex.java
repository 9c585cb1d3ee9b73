package org.polcomp.load;

import java.util.List;

/**
 * The position of each key in a list of known keys, for {@link Fields}: a map of a measure asks
 * for a dozen keys and is asked for a dozen more, and there are millions of such maps. A scan of
 * the list was slower than the hash table each map used to build, and both were a tenth of
 * binding; this table is made once per list of the format. Immutable once made.
 */
final class KeyIndex {
  // the tables of the format's key lists (PolicyBinder.KEY_LISTS, compared by reference)
  private static final KeyIndex[] FORMAT = new KeyIndex[PolicyBinder.KEY_LISTS.size()];

  static {
    for (int i = 0; i < FORMAT.length; i++) {
      FORMAT[i] = new KeyIndex(PolicyBinder.KEY_LISTS.get(i), i);
    }
  }

  private final String[] table;
  private final int[] position;
  private final int mask;
  private final int format;

  private KeyIndex(List<String> keys, int format) {
    this.format = format;
    int size = Integer.highestOneBit(Math.max(1, keys.size()) * 4 - 1) << 1;
    table = new String[size];
    position = new int[size];
    mask = size - 1;
    for (int p = keys.size() - 1; p >= 0; p--) { // the first of equal keys wins, as in indexOf
      String k = keys.get(p);
      int i = k.hashCode() & mask;
      while (table[i] != null && !table[i].equals(k)) {
        i = (i + 1) & mask;
      }
      table[i] = k;
      position[i] = p;
    }
  }

  /** The index of {@code keys}: made once for the format's lists, else made now. */
  static KeyIndex of(List<String> keys) {
    for (int i = 0; i < FORMAT.length; i++) {
      if (PolicyBinder.KEY_LISTS.get(i) == keys) {
        return FORMAT[i];
      }
    }
    return new KeyIndex(keys, -1);
  }

  /** The position of the list in {@link PolicyBinder#KEY_LISTS}, or -1 for another list. */
  int format() {
    return format;
  }

  /** The position of {@code key} in the list, as {@code List.indexOf} gives it, or -1. */
  int indexOf(String key) {
    for (int i = key.hashCode() & mask; ; i = (i + 1) & mask) {
      String k = table[i];
      if (k == null) {
        return -1;
      }
      // the reader's keys and the binder's literals are the lists' own instances (KeyTable)
      if (k == key || k.equals(key)) {
        return position[i];
      }
    }
  }
}
