package org.polcomp.diagnostic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * "Did you mean" hints: the known words closest to a misspelt one (Levenshtein distance).
 *
 * <p>One pass over the candidates, with no sorting and no allocation per candidate, and a distance
 * that looks only at the band of cells within the limit: a hint over the 35,000 measure ids of one
 * large document costs about a millisecond, so that hints stay linear in the number of candidates
 * (callers bound how many hints they ask for, see {@code Validator}).
 */
public final class Suggest {
  /** FORMAT.md: a key or value is "close" at a distance of at most 2. */
  public static final int MAX_DISTANCE = 2;

  private Suggest() {}

  /** The closest candidate within {@link #MAX_DISTANCE}; ties go to the earlier candidate. */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    return Optional.ofNullable(best(word, candidates, false));
  }

  /**
   * The closest candidate within {@link #MAX_DISTANCE}; ties go to the smallest in {@link
   * String#compareTo} order, so that the answer does not depend on the order of the candidates
   * (the keys of a hash map, say).
   */
  public static Optional<String> closestInAnyOrder(String word, Collection<String> candidates) {
    return Optional.ofNullable(best(word, candidates, true));
  }

  private static String best(String word, Iterable<String> candidates, boolean smallestOnTie) {
    Buffers buf = new Buffers();
    String best = null;
    int bestDistance = MAX_DISTANCE + 1;
    for (String c : candidates) {
      // Past the best found so far only a nearer candidate counts (or an equal, on a tie).
      int limit = smallestOnTie ? bestDistance : bestDistance - 1;
      if (limit < 0) {
        break;
      }
      int d = distance(word, c, Math.min(limit, MAX_DISTANCE), buf);
      if (d < bestDistance || d == bestDistance && d <= MAX_DISTANCE && smallestOnTie
          && c.compareTo(best) < 0) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Up to {@code most} candidates within {@code maxDistance}, nearest first, stable. */
  public static List<String> closest(
      String word, Collection<String> candidates, int maxDistance, int most) {
    if (most <= 0) {
      return List.of();
    }
    // The nearest `most` so far, sorted by distance, earlier candidates first on a tie.
    String[] found = new String[most];
    int[] dists = new int[most];
    int n = 0;
    Buffers buf = new Buffers();
    for (String c : candidates) {
      int limit = n < most ? maxDistance : dists[most - 1] - 1;
      if (limit < 0) {
        break; // `most` exact matches: nothing can be nearer
      }
      int d = distance(word, c, limit, buf);
      if (d > limit) {
        continue;
      }
      int i = Math.min(n, most - 1);
      while (i > 0 && dists[i - 1] > d) {
        i--;
      }
      int moved = Math.min(n, most - 1) - i;
      System.arraycopy(found, i, found, i + 1, moved);
      System.arraycopy(dists, i, dists, i + 1, moved);
      found[i] = c;
      dists[i] = d;
      n = Math.min(n + 1, most);
    }
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(found[i]);
    }
    return List.copyOf(out);
  }

  /** "did you mean 'x'?" or null, ready to use as a hint. */
  public static String didYouMean(String word, Collection<String> candidates) {
    return closest(word, candidates).map(Suggest::didYouMean).orElse(null);
  }

  /** "did you mean 'x'?" for a candidate found. */
  public static String didYouMean(String candidate) {
    return "did you mean '" + candidate + "'?";
  }

  /**
   * The Levenshtein distance of two strings, or {@code limit + 1} as soon as it must exceed the
   * limit (so that long hostile strings cost little).
   */
  public static int distance(String a, String b, int limit) {
    return distance(a, b, limit, new Buffers());
  }

  /** The two rows of the distance table, grown as needed and reused across candidates. */
  private static final class Buffers {
    int[] prev = new int[32];
    int[] cur = new int[32];

    void fit(int n) {
      if (prev.length < n) {
        prev = new int[n];
        cur = new int[n];
      }
    }
  }

  /**
   * Ukkonen's banded form: only the cells within {@code limit} of the diagonal can stay within the
   * limit, so a row costs at most {@code 2 * limit + 1} cells whatever the strings' lengths.
   */
  private static int distance(String a, String b, int limit, Buffers buf) {
    int n = a.length();
    int m = b.length();
    int over = limit + 1;
    if (Math.abs(n - m) > limit) {
      return over;
    }
    buf.fit(m + 2);
    int[] prev = buf.prev;
    int[] cur = buf.cur;
    for (int j = 0; j <= m; j++) {
      prev[j] = j <= limit ? j : over;
    }
    prev[m + 1] = over;
    for (int i = 1; i <= n; i++) {
      int lo = Math.max(1, i - limit);
      int hi = Math.min(m, i + limit);
      cur[0] = i <= limit ? i : over;
      if (lo > 1) {
        cur[lo - 1] = over;
      }
      int rowMin = lo == 1 ? cur[0] : over;
      char ca = a.charAt(i - 1);
      for (int j = lo; j <= hi; j++) {
        int v = prev[j - 1] + (ca == b.charAt(j - 1) ? 0 : 1);
        v = Math.min(v, prev[j] + 1);
        v = Math.min(v, cur[j - 1] + 1);
        v = Math.min(v, over);
        cur[j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (hi < m) {
        cur[hi + 1] = over;
      }
      if (rowMin > limit) {
        return over;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[m];
  }
}
