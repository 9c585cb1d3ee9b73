package org.polcomp.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The majority code of a measure's codings on one axis (CODEBOOK.md "Agreement"): the code more
 * coders gave than any other. None when no coder coded the axis, and none for a tie, which the
 * agreement counts as a disagreement and {@code --prefer-coded} settles with the rules.
 */
public final class Majority {
  private Majority() {}

  /** The targeting codes of the codings that code targeting, in file order. */
  public static List<Targeting> targetings(List<Coding> codings) {
    return codes(codings, Coding::targeting);
  }

  /** The duration codes of the codings that code duration, in file order. */
  public static List<Duration> durations(List<Coding> codings) {
    return codes(codings, Coding::duration);
  }

  /** The majority targeting code, or null (no code, or a tie). */
  public static Targeting targeting(List<Coding> codings) {
    return of(targetings(codings));
  }

  /** The majority duration code, or null (no code, or a tie). */
  public static Duration duration(List<Coding> codings) {
    return of(durations(codings));
  }

  /** The code given most often, or null when {@code codes} is empty or the most is tied. */
  public static <T> T of(List<T> codes) {
    if (codes.size() == 1) {
      return codes.get(0); // one coder, the common case: no counting
    }
    Map<T, Integer> counts = new LinkedHashMap<>();
    for (T c : codes) {
      counts.merge(c, 1, Integer::sum);
    }
    T best = null;
    int most = 0;
    boolean tied = false;
    for (Map.Entry<T, Integer> e : counts.entrySet()) {
      if (e.getValue() > most) {
        best = e.getKey();
        most = e.getValue();
        tied = false;
      } else if (e.getValue() == most) {
        tied = true;
      }
    }
    return tied ? null : best;
  }

  private static <T> List<T> codes(List<Coding> codings, Function<Coding, T> axis) {
    List<T> out = new ArrayList<>(codings.size());
    for (Coding c : codings) {
      T v = axis.apply(c);
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }
}
