package org.polcomp.load;

import java.util.Collection;

/**
 * The keys of the policy format, found by the characters of a key without making a String of
 * them. The scanner gives every key it finds here the one instance of the format's constant:
 * a policy file is mostly those keys, a dozen or more per measure, and each was a new String
 * whose hash every map and list of the binder then computed and compared again ({@code
 * String.hashCode} and {@code equals} were a twelfth of validating 100,000 municipalities).
 * The same text, so the same tree; immutable once made.
 */
final class KeyTable {
  /** Every key of the policy format. */
  static final KeyTable FORMAT = new KeyTable(PolicyBinder.ALL_KEYS);

  private final String[] keys;
  private final int mask;

  KeyTable(Collection<String> of) {
    int size = Integer.highestOneBit(Math.max(1, of.size()) * 4 - 1) << 1;
    keys = new String[size];
    mask = size - 1;
    for (String k : of) {
      int i = k.hashCode() & mask;
      while (keys[i] != null && !keys[i].equals(k)) {
        i = (i + 1) & mask;
      }
      keys[i] = k;
    }
  }

  /** The key whose characters are {@code s[from, from + length)}, or null. */
  String find(char[] s, int from, int length) {
    int h = 0;
    for (int i = from; i < from + length; i++) {
      h = 31 * h + s[i];
    }
    for (int i = h & mask; ; i = (i + 1) & mask) {
      String k = keys[i];
      if (k == null) {
        return null;
      }
      // a String keeps its hash once computed: the constants' are
      if (k.hashCode() == h && k.length() == length && same(k, s, from)) {
        return k;
      }
    }
  }

  private static boolean same(String k, char[] s, int from) {
    for (int i = 0; i < k.length(); i++) {
      if (k.charAt(i) != s[from + i]) {
        return false;
      }
    }
    return true;
  }
}
