package org.polcomp.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The banded distance agrees with the plain one, and the single-pass searches with a sort. */
class SuggestTest {
  /** Levenshtein's distance, the full table: what the banded form must agree with. */
  private static int plain(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
      }
    }
    return d[a.length()][b.length()];
  }

  private static String random(Random r, int maxLength) {
    int n = r.nextInt(maxLength + 1);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append("abc-é"
          .charAt(r.nextInt(5)));
    }
    return b.toString();
  }

  @Test
  void bandedDistanceIsLevenshteinUpToTheLimit() {
    Random r = new Random(7);
    for (int k = 0; k < 20_000; k++) {
      String a = random(r, 9);
      String b = r.nextBoolean() ? random(r, 9) : a.isEmpty() ? "x" : a.substring(1) + "c";
      int limit = r.nextInt(4);
      int want = plain(a, b);
      int got = Suggest.distance(a, b, limit);
      String what = a + " / " + b + " limit " + limit;
      assertEquals(want <= limit ? want : limit + 1, got, what);
    }
  }

  @Test
  void closestOfManyIsTheNearestFirstStable() {
    Random r = new Random(11);
    for (int k = 0; k < 2_000; k++) {
      List<String> candidates = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        candidates.add(random(r, 6));
      }
      String word = random(r, 6);
      int most = 1 + r.nextInt(4);
      // The reference: every candidate within 2, sorted by distance (a stable sort).
      List<String> within = new ArrayList<>();
      for (String c : candidates) {
        if (plain(word, c) <= 2) {
          within.add(c);
        }
      }
      within.sort((x, y) -> Integer.compare(plain(word, x), plain(word, y)));
      assertEquals(within.subList(0, Math.min(most, within.size())),
          Suggest.closest(word, candidates, 2, most), word + " in " + candidates);
      assertEquals(within.isEmpty() ? Optional.empty() : Optional.of(within.get(0)),
          Suggest.closest(word, candidates), word + " in " + candidates);
      // In any order: the nearest, the smallest of those on a tie, whatever the order given.
      Optional<String> smallest = within.stream()
          .filter(c -> plain(word, c) == plain(word, within.get(0))).sorted().findFirst();
      Collections.shuffle(candidates, r);
      assertEquals(smallest, Suggest.closestInAnyOrder(word, candidates), word);
    }
  }

  @Test
  void aLongHostileWordCostsLittleAndFindsNothing() {
    String word = "x".repeat(1_000_000);
    assertEquals(Optional.empty(), Suggest.closest(word, List.of("x".repeat(999_990), "open")));
    assertEquals(3, Suggest.distance(word, "y" + "x".repeat(999_999 - 2) + "zz", 2));
  }
}
