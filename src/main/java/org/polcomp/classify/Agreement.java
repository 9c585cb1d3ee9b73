package org.polcomp.classify;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.polcomp.model.Coding;
import org.polcomp.model.Duration;
import org.polcomp.model.Majority;
import org.polcomp.model.Measure;
import org.polcomp.model.Targeting;

/**
 * How far human codings agree with the rules on one axis (CODEBOOK.md "Agreement").
 *
 * <p>Only measures with a human code on the axis count. Categories are the labels as written; a
 * rule label {@code unclassified} is a category of its own, which no human code matches, so it
 * counts as a disagreement and enters the rules' marginals for the expected agreement. Cohen's
 * kappa is {@code (po - pe) / (1 - pe)} with {@code pe} the sum over categories of the product of
 * the two raters' shares; it is computed from the integer counts as {@code (a*n - sum) / (n*n -
 * sum)}, so hand-computed values match exactly.
 *
 * <p>Degenerate cases: with no coded measures ({@code coded} = 0) both {@code observed} and
 * {@code kappa} are null. When the expected agreement is 1 (both raters put every measure in the
 * same single category) kappa is 0/0 and is null (undefined), although the observed agreement is
 * 1; reports show it empty rather than a made-up 1 or 0.
 *
 * @param axis {@code targeting} or {@code duration}
 * @param coded the measures with a human code on this axis
 * @param agreements those where the rules give the same label
 * @param observed agreements / coded, or null when nothing is coded
 * @param kappa Cohen's kappa, or null when nothing is coded or the expected agreement is 1
 */
public record Agreement(String axis, long coded, long agreements, Double observed, Double kappa) {
  /** The axis name of targeting. */
  public static final String TARGETING = "targeting";

  /** The axis name of duration. */
  public static final String DURATION = "duration";

  public Agreement {
    Objects.requireNonNull(axis, "axis");
    if (coded < 0 || agreements < 0 || agreements > coded) {
      throw new IllegalArgumentException("bad counts: " + agreements + " of " + coded);
    }
  }

  /**
   * The agreement between two raters over the same items: {@code human.get(i)} and {@code
   * rules.get(i)} label item i; items whose human label is null are not coded and skipped.
   */
  public static Agreement between(String axis, List<String> human, List<String> rules) {
    if (human.size() != rules.size()) {
      throw new IllegalArgumentException("the raters label different numbers of items");
    }
    Counter counter = new Counter();
    for (int i = 0; i < human.size(); i++) {
      counter.add(human.get(i), rules.get(i));
    }
    return counter.result(axis);
  }

  /**
   * The counts behind one axis's agreement, filled one item at a time, so that a dataset too large
   * to hold can be counted while it streams past. Counts do not depend on the order of the items,
   * so counters of parts of a dataset merge into the counter of the whole. Not thread-safe.
   */
  public static final class Counter {
    // per label: {items the humans gave it, items the rules gave it}
    private final Map<String, long[]> marginals = new HashMap<>();
    private long n;
    private long a;

    /** Counts one item; an item whose human label is null is not coded and skipped. */
    public void add(String human, String rule) {
      add(human, rule, 1);
    }

    /** Counts {@code items} items that the humans and the rules label alike. */
    public void add(String human, String rule, long items) {
      if (human == null || items == 0) {
        return;
      }
      Objects.requireNonNull(rule, "rule label");
      if (items < 0) {
        throw new IllegalArgumentException("items " + items);
      }
      n += items;
      if (human.equals(rule)) {
        a += items;
      }
      marginals.computeIfAbsent(human, k -> new long[2])[0] += items;
      marginals.computeIfAbsent(rule, k -> new long[2])[1] += items;
    }

    /** Adds the counts of {@code other}. */
    public void addAll(Counter other) {
      n += other.n;
      a += other.a;
      other.marginals.forEach((label, counts) -> {
        long[] mine = marginals.computeIfAbsent(label, k -> new long[2]);
        mine[0] += counts[0];
        mine[1] += counts[1];
      });
    }

    /** The agreement on {@code axis} of the items counted so far. */
    public Agreement result(String axis) {
      if (n == 0) {
        return new Agreement(axis, 0, 0, null, null);
      }
      long chance = 0;
      for (long[] m : marginals.values()) {
        chance += m[0] * m[1];
      }
      double observed = (double) a / n;
      long denominator = n * n - chance;
      Double kappa = denominator == 0 ? null : (double) (a * n - chance) / denominator;
      return new Agreement(axis, n, a, observed, kappa);
    }
  }

  // The majority code's label, the tie category for a tie, null when nobody coded the axis.
  private static <T> String human(List<T> codes, Function<T, String> label) {
    if (codes.isEmpty()) {
      return null;
    }
    T m = Majority.of(codes);
    return m == null ? Reliability.TIE : label.apply(m);
  }

  /**
   * The agreement on both axes, targeting first (with several coders, each measure's majority
   * code; a tie disagrees): {@code classifications.get(i)} is the
   * classification of {@code measures.get(i)}.
   */
  public static List<Agreement> of(List<Measure> measures, List<Classification> classifications) {
    if (measures.size() != classifications.size()) {
      throw new IllegalArgumentException("one classification per measure");
    }
    int size = measures.size();
    String[] humanT = new String[size];
    String[] rulesT = new String[size];
    String[] humanD = new String[size];
    String[] rulesD = new String[size];
    for (int i = 0; i < size; i++) {
      List<Coding> c = measures.get(i).codings();
      Classification k = classifications.get(i);
      humanT[i] = human(Majority.targetings(c), Targeting::label);
      humanD[i] = human(Majority.durations(c), Duration::label);
      rulesT[i] = k.targeting().label();
      rulesD[i] = k.duration().label();
    }
    return List.of(
        between(TARGETING, Arrays.asList(humanT), List.of(rulesT)),
        between(DURATION, Arrays.asList(humanD), List.of(rulesD)));
  }
}
