package org.polcomp.diagnostic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** "Did you mean" hints: the known words closest to a misspelt one (Levenshtein distance). */
public final class Suggest {
  /** FORMAT.md: a key or value is "close" at a distance of at most 2. */
  public static final int MAX_DISTANCE = 2;

  private Suggest() {}

  /** The closest candidate within {@link #MAX_DISTANCE}; ties go to the earlier candidate. */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    List<String> all = closest(word, candidates, MAX_DISTANCE, 1);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /** Up to {@code most} candidates within {@code maxDistance}, nearest first, stable. */
  public static List<String> closest(
      String word, Collection<String> candidates, int maxDistance, int most) {
    List<String> found = new ArrayList<>();
    List<Integer> dists = new ArrayList<>();
    for (String c : candidates) {
      int d = distance(word, c, maxDistance);
      if (d <= maxDistance) {
        int i = 0;
        while (i < dists.size() && dists.get(i) <= d) {
          i++;
        }
        found.add(i, c);
        dists.add(i, d);
      }
    }
    return List.copyOf(found.subList(0, Math.min(most, found.size())));
  }

  /** "did you mean 'x'?" or null, ready to use as a hint. */
  public static String didYouMean(String word, Collection<String> candidates) {
    return closest(word, candidates).map(c -> "did you mean '" + c + "'?").orElse(null);
  }

  /**
   * The Levenshtein distance of two strings, or {@code limit + 1} as soon as it must exceed the
   * limit (so that long hostile strings cost little).
   */
  public static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
