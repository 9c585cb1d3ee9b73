package org.polcomp.sensitivity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polcomp.model.Codebook;
import org.polcomp.model.Duration;
import org.polcomp.model.Funding;
import org.polcomp.model.Measure;
import org.polcomp.model.Period;

/**
 * What the duration rules see of one measure, as a sparse vector over the codebook's weights
 * ({@link Codebook#weightIds()}): the score under any weights is then a dot product, and a measure
 * need not be read again. D1, D2 and D3 each give one weight a coefficient of 1; D4 gives each
 * funding source its share of the average (its amount over the total when the entries are
 * amount-weighted, its count over the entries otherwise), so the mean lean is linear in the leans.
 *
 * <p>{@link #duration} equals {@link org.polcomp.classify.Classifier}'s label under the same
 * weights: the dot product in doubles decides unless the score lies within a rounding error of
 * the half-thousandth where rounding to 3 decimals turns it to 0; there the score is computed the
 * Classifier's way, in exact decimals.
 */
public final class Evidence {
  /** The half-thousandth below which a score rounds to 0 (3 decimals, half up). */
  private static final double HALF = 0.0005;

  final int[] index;
  final double[] coefficient;
  // the exact form: weights with coefficient 1, and the funding entries as the Classifier sums them
  private final int[] fixed;
  private final int[] sources;
  private final double[] amounts; // null when the average is unweighted

  private Evidence(int[] index, double[] coefficient, int[] fixed, int[] sources,
      double[] amounts) {
    this.index = index;
    this.coefficient = coefficient;
    this.fixed = fixed;
    this.sources = sources;
    this.amounts = amounts;
  }

  /** True when the measure has no evidence that any weight could move. */
  public boolean isEmpty() {
    return index.length == 0;
  }

  /** Reads the evidence of measures under one codebook's vocabularies. */
  public static final class Reader {
    private final Map<String, Integer> instruments = new HashMap<>();
    private final Map<String, Integer> sources = new HashMap<>();

    /** A reader for the weights of {@code codebook}, in the order of its weight ids. */
    public Reader(Codebook codebook) {
      List<String> ids = codebook.weightIds();
      for (int k = 0; k < ids.size(); k++) {
        String id = ids.get(k);
        if (id.startsWith(Codebook.D3_PREFIX)) {
          instruments.put(id.substring(Codebook.D3_PREFIX.length()), k);
        } else if (id.startsWith(Codebook.D4_PREFIX)) {
          sources.put(id.substring(Codebook.D4_PREFIX.length()), k);
        }
      }
    }

    /** The evidence of one measure, as the Classifier reads it. */
    public Evidence read(Measure m) {
      int[] fixed = new int[3];
      int n = 0;
      if (Duration.STRUCTURAL.label().equals(m.declaredDuration())) {
        fixed[n++] = 0;
      } else if (Duration.TEMPORARY.label().equals(m.declaredDuration())) {
        fixed[n++] = 1;
      }
      Period p = m.period();
      if (p.openEnd()) {
        fixed[n++] = 3;
      } else if (p.end() != null) {
        fixed[n++] = 2;
      }
      Integer instrument = m.instrument() == null ? null : instruments.get(m.instrument());
      if (instrument != null) {
        fixed[n++] = instrument;
      }
      fixed = Arrays.copyOf(fixed, n);

      int[] src = new int[m.funding().size()];
      double[] amt = new double[src.length];
      int e = 0;
      boolean allAmounts = true;
      double total = 0;
      BigDecimal exactTotal = BigDecimal.ZERO;
      for (Funding f : m.funding()) {
        Integer k = sources.get(f.source());
        if (k == null) {
          continue;
        }
        Double a = f.amountEur();
        src[e] = k;
        if (a == null || !Double.isFinite(a) || a < 0) {
          allAmounts = false;
        } else {
          amt[e] = a;
          total += a;
          exactTotal = exactTotal.add(BigDecimal.valueOf(a));
        }
        e++;
      }
      src = Arrays.copyOf(src, e);
      amt = Arrays.copyOf(amt, e);
      // the Classifier's test: every entry has an amount and they sum above 0 (exactly)
      boolean weighted = e > 0 && allAmounts && exactTotal.signum() > 0;

      // the sparse vector: one coefficient per weight, entries of one source merged
      Map<Integer, Double> vector = new HashMap<>();
      for (int k : fixed) {
        vector.merge(k, 1.0, Double::sum);
      }
      for (int i = 0; i < e; i++) {
        vector.merge(src[i], weighted ? amt[i] / total : 1.0 / e, Double::sum);
      }
      int[] index = vector.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
      double[] coefficient = new double[index.length];
      for (int i = 0; i < index.length; i++) {
        coefficient[i] = vector.get(index[i]);
      }
      return new Evidence(index, coefficient, fixed, src, weighted ? amt : null);
    }
  }

  /** The duration label under {@code weights} (in the order of the codebook's weight ids). */
  public Duration duration(double[] weights) {
    return Labels.duration(label(weights));
  }

  /** The label code ({@link Labels}) under {@code weights}. */
  byte label(double[] weights) {
    double s = 0;
    double a = 0;
    for (int j = 0; j < index.length; j++) {
      double t = weights[index[j]] * coefficient[j];
      s += t;
      a += Math.abs(t);
    }
    byte label = decided(s, a);
    return label != Labels.NONE ? label : exact(weights);
  }

  /**
   * The label of a score {@code s} summed in doubles from terms whose absolute values sum to
   * {@code a}, or {@link Labels#NONE} when the score is too close to the rounding boundary for
   * doubles to decide.
   */
  static byte decided(double s, double a) {
    double m = Math.abs(s);
    // far wider than the error of a few products and sums in doubles, against the exact decimals
    double eps = 1e-9 * (1 + a);
    if (m > HALF + eps) {
      return s > 0 ? Labels.STRUCTURAL : Labels.TEMPORARY;
    }
    if (m < HALF - eps) {
      return Labels.UNCLASSIFIED;
    }
    return Labels.NONE;
  }

  /** The label from the score in exact decimals, rounded as the Classifier rounds it. */
  private byte exact(double[] weights) {
    BigDecimal den = BigDecimal.ONE;
    BigDecimal num = BigDecimal.ZERO;
    if (sources.length > 0) {
      if (amounts == null) {
        den = BigDecimal.valueOf(sources.length);
        for (int k : sources) {
          num = num.add(BigDecimal.valueOf(weights[k]));
        }
      } else {
        den = BigDecimal.ZERO;
        for (int i = 0; i < sources.length; i++) {
          BigDecimal amount = BigDecimal.valueOf(amounts[i]);
          den = den.add(amount);
          num = num.add(BigDecimal.valueOf(weights[sources[i]]).multiply(amount));
        }
      }
    }
    for (int k : fixed) {
      num = num.add(BigDecimal.valueOf(weights[k]).multiply(den));
    }
    int sign = num.divide(den, 3, RoundingMode.HALF_UP).signum();
    return sign > 0 ? Labels.STRUCTURAL : sign < 0 ? Labels.TEMPORARY : Labels.UNCLASSIFIED;
  }
}
