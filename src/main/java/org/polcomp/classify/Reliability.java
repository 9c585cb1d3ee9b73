package org.polcomp.classify;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Agreement with several coders on one axis (CODEBOOK.md "Agreement"): the majority code against
 * the rules, Krippendorff's alpha (nominal, missing codes allowed), Fleiss' kappa and Cohen's
 * kappa per pair of raters.
 *
 * <p>Everything is computed from how many measures show each <em>pattern</em>: the rules' label
 * and which coder gave which code. Patterns are few (coders times labels), so the counts of a
 * large dataset stay small, and the counts of parts of a dataset add up to those of the whole.
 * The statistics are exact fractions of integers, made a double once, at the end, so that a
 * hand computation matches to the last digit.
 *
 * <p>Formulas, for the units (measures) with {@code m_u} codes of which {@code n_uc} are code
 * {@code c}:
 *
 * <ul>
 *   <li>Krippendorff's alpha (Krippendorff 2011) over the pairable units ({@code m_u >= 2}), with
 *       {@code n} their codes and {@code n_c} those of code c: {@code alpha = 1 - (n - 1) D / E},
 *       {@code D = sum_u (m_u^2 - sum_c n_uc^2) / (m_u - 1)} (the disagreeing pairs of the
 *       coincidence matrix), {@code E = n^2 - sum_c n_c^2}. Null without pairable units or when
 *       every code is the same ({@code E = 0}).
 *   <li>Fleiss' kappa (Fleiss 1971) over the N units that all k coders of the axis coded, with
 *       {@code A = sum_u sum_c n_uc^2} and {@code T_c} the units' codes c: {@code kappa = ((A - N
 *       k) N k - (k - 1) sum_c T_c^2) / ((k - 1) ((N k)^2 - sum_c T_c^2))}, which is {@code (P - Pe)
 *       / (1 - Pe)}. Null for fewer than two coders, no such unit, or {@code Pe = 1}.
 *   <li>Cohen's kappa per pair as {@link Agreement} computes it, over the measures both coded.
 * </ul>
 */
public final class Reliability {
  /** What the agreement table names the rules in a pair, and a tied majority in a queue row. */
  public static final String RULES = "rules";

  /** The category of a tied majority: no rule label matches it, so it counts as a disagreement. */
  static final String TIE = "(tie)";

  private Reliability() {}

  /**
   * One measure's codes on an axis: the rules' label and each coder's code, coders in name order.
   */
  record Pattern(String rule, List<String> coders, List<String> codes) {
    // equals, hashCode and toString written out, with the values a record's own give (the
    // patterns are put in order by their text): a record's own are made at their first call, by
    // bootstrap methods that generate classes, a cost every short run paid.
    @Override
    public boolean equals(Object o) {
      return o instanceof Pattern p && Objects.equals(p.rule, rule)
          && Objects.equals(p.coders, coders) && Objects.equals(p.codes, codes);
    }

    @Override
    public int hashCode() {
      return (31 * Objects.hashCode(rule) + Objects.hashCode(coders)) * 31
          + Objects.hashCode(codes);
    }

    @Override
    public String toString() {
      return "Pattern[rule=" + rule + ", coders=" + coders + ", codes=" + codes + "]";
    }
  }

  /** The result on one axis; see the class documentation for the formulas. */
  public record Result(Agreement majority, List<String> coders, long units, Double alpha,
      Double fleiss, List<Pair> pairs) {}

  /** The agreement of two raters ({@code second} may be {@link #RULES}) on their common items. */
  public record Pair(String first, String second, Agreement agreement) {
    /** The pair as the agreement table names it: {@code "AB x CD"}, {@code "AB x rules"}. */
    public String name() {
      return first + " x " + second;
    }
  }

  /**
   * The pattern counts of one axis, filled one measure at a time; counters of parts of a dataset
   * merge into the counter of the whole. Not thread-safe.
   */
  public static final class Counts {
    private final Map<Pattern, long[]> patterns = new HashMap<>();

    /**
     * Counts one measure: the rules' label and the codes of the coders who coded the axis
     * ({@code coders.get(i)} gave {@code codes.get(i)}; coders distinct). A measure no coder
     * coded is skipped.
     */
    public void add(String rule, List<String> coders, List<String> codes) {
      Objects.requireNonNull(rule, "rule label");
      if (coders.size() != codes.size()) {
        throw new IllegalArgumentException("one code per coder");
      }
      if (coders.isEmpty()) {
        return;
      }
      TreeMap<String, String> byCoder = new TreeMap<>();
      for (int i = 0; i < coders.size(); i++) {
        if (byCoder.put(coders.get(i), Objects.requireNonNull(codes.get(i), "code")) != null) {
          throw new IllegalArgumentException("coder " + coders.get(i) + " twice");
        }
      }
      Pattern p = new Pattern(rule, List.copyOf(byCoder.keySet()),
          List.copyOf(byCoder.values()));
      patterns.computeIfAbsent(p, k -> new long[1])[0]++;
    }

    /** Adds the counts of {@code other}. */
    public void addAll(Counts other) {
      other.patterns.forEach((p, n) -> patterns.computeIfAbsent(p, k -> new long[1])[0] += n[0]);
    }

    /** Whether no measure was counted. */
    public boolean isEmpty() {
      return patterns.isEmpty();
    }

    /** The agreement on {@code axis} of the measures counted so far. */
    public Result result(String axis) {
      // a fixed order, so that the sums (exact anyway) and the pairs never depend on hashing
      List<Map.Entry<Pattern, long[]>> all = new ArrayList<>(patterns.entrySet());
      all.sort(Comparator.comparing((Map.Entry<Pattern, long[]> e) -> e.getKey().toString()));
      Agreement.Counter majority = new Agreement.Counter();
      TreeSet<String> coders = new TreeSet<>();
      Map<List<String>, Agreement.Counter> pairs = new HashMap<>();
      long units = 0;
      for (Map.Entry<Pattern, long[]> e : all) {
        Pattern p = e.getKey();
        long w = e.getValue()[0];
        coders.addAll(p.coders());
        String m = majorityOf(p.codes());
        majority.add(m == null ? TIE : m, p.rule(), w);
        if (p.codes().size() >= 2) {
          units += w;
        }
        for (int i = 0; i < p.coders().size(); i++) {
          pairs.computeIfAbsent(List.of(p.coders().get(i), RULES), k -> new Agreement.Counter())
              .add(p.codes().get(i), p.rule(), w);
          for (int j = i + 1; j < p.coders().size(); j++) {
            pairs.computeIfAbsent(List.of(p.coders().get(i), p.coders().get(j)),
                k -> new Agreement.Counter()).add(p.codes().get(i), p.codes().get(j), w);
          }
        }
      }
      List<Pair> pairRows = new ArrayList<>();
      List<String> names = new ArrayList<>(coders);
      for (int i = 0; i < names.size(); i++) {
        for (int j = i + 1; j < names.size(); j++) {
          Agreement.Counter c = pairs.get(List.of(names.get(i), names.get(j)));
          if (c != null) {
            pairRows.add(new Pair(names.get(i), names.get(j), c.result(axis)));
          }
        }
      }
      for (String coder : names) {
        Agreement.Counter c = pairs.get(List.of(coder, RULES));
        if (c != null) {
          pairRows.add(new Pair(coder, RULES, c.result(axis)));
        }
      }
      return new Result(majority.result(axis), List.copyOf(coders), units, alpha(all),
          fleiss(all, coders.size()), pairRows);
    }
  }

  /** The code given most often, or null for a tie (the codes are not empty). */
  static String majorityOf(List<String> codes) {
    return org.polcomp.model.Majority.of(codes);
  }

  private static Map<String, Long> categoryCounts(List<String> codes) {
    Map<String, Long> n = new TreeMap<>();
    for (String c : codes) {
      n.merge(c, 1L, Long::sum);
    }
    return n;
  }

  private static Double alpha(List<Map.Entry<Pattern, long[]>> all) {
    BigInteger n = BigInteger.ZERO;
    Map<String, BigInteger> totals = new TreeMap<>();
    // disagreeing ordered pairs within units, per number of codes m_u (divided by m_u - 1 last)
    Map<Integer, BigInteger> byM = new TreeMap<>();
    for (Map.Entry<Pattern, long[]> e : all) {
      List<String> codes = e.getKey().codes();
      int m = codes.size();
      if (m < 2) {
        continue;
      }
      BigInteger w = BigInteger.valueOf(e.getValue()[0]);
      n = n.add(w.multiply(BigInteger.valueOf(m)));
      long same = 0;
      for (Map.Entry<String, Long> c : categoryCounts(codes).entrySet()) {
        same += c.getValue() * c.getValue();
        totals.merge(c.getKey(), w.multiply(BigInteger.valueOf(c.getValue())), BigInteger::add);
      }
      byM.merge(m, w.multiply(BigInteger.valueOf((long) m * m - same)), BigInteger::add);
    }
    if (n.signum() == 0) {
      return null;
    }
    BigInteger expected = n.multiply(n);
    for (BigInteger t : totals.values()) {
      expected = expected.subtract(t.multiply(t));
    }
    if (expected.signum() == 0) {
      return null;
    }
    // D = num / den, summed exactly over the values of m_u
    BigInteger num = BigInteger.ZERO;
    BigInteger den = BigInteger.ONE;
    for (Map.Entry<Integer, BigInteger> e : byM.entrySet()) {
      BigInteger d = BigInteger.valueOf(e.getKey() - 1L);
      num = num.multiply(d).add(e.getValue().multiply(den));
      den = den.multiply(d);
    }
    // alpha = 1 - (n - 1) num / (den E) = (den E - (n - 1) num) / (den E)
    BigInteger bottom = den.multiply(expected);
    BigInteger top = bottom.subtract(n.subtract(BigInteger.ONE).multiply(num));
    return ratio(top, bottom);
  }

  private static Double fleiss(List<Map.Entry<Pattern, long[]>> all, int k) {
    if (k < 2) {
      return null;
    }
    BigInteger units = BigInteger.ZERO;
    BigInteger squares = BigInteger.ZERO;
    Map<String, BigInteger> totals = new TreeMap<>();
    for (Map.Entry<Pattern, long[]> e : all) {
      List<String> codes = e.getKey().codes();
      if (codes.size() != k) {
        continue;
      }
      BigInteger w = BigInteger.valueOf(e.getValue()[0]);
      units = units.add(w);
      for (Map.Entry<String, Long> c : categoryCounts(codes).entrySet()) {
        squares = squares.add(w.multiply(BigInteger.valueOf(c.getValue() * c.getValue())));
        totals.merge(c.getKey(), w.multiply(BigInteger.valueOf(c.getValue())), BigInteger::add);
      }
    }
    if (units.signum() == 0) {
      return null;
    }
    BigInteger kk = BigInteger.valueOf(k);
    BigInteger nk = units.multiply(kk);
    BigInteger sumT2 = BigInteger.ZERO;
    for (BigInteger t : totals.values()) {
      sumT2 = sumT2.add(t.multiply(t));
    }
    BigInteger k1 = kk.subtract(BigInteger.ONE);
    BigInteger top = squares.subtract(nk).multiply(nk).subtract(k1.multiply(sumT2));
    BigInteger bottom = k1.multiply(nk.multiply(nk).subtract(sumT2));
    return bottom.signum() == 0 ? null : ratio(top, bottom);
  }

  private static double ratio(BigInteger top, BigInteger bottom) {
    return new BigDecimal(top).divide(new BigDecimal(bottom), MathContext.DECIMAL128)
        .doubleValue();
  }
}
