package org.polcomp.sensitivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.polcomp.classify.Reason;
import org.polcomp.model.Codebook;
import org.polcomp.model.Codebook.Range;

/**
 * Re-classifies a dataset under changed weights (CODEBOOK.md "Sensitivity"): each weight lowered
 * and raised alone, then {@link Settings#samples()} random codebooks whose weights are drawn
 * uniformly from their ranges. Every sample has its own generator, seeded from one seeded
 * sequence, and every total is a sum of counts, so the result does not depend on how many threads
 * run the samples (parallel streams: the caller's pool decides).
 *
 * <p>Samples run in batches whose labels, profiles and ranks are kept per sample and then added
 * up: memory grows with the batch and the dataset, not with the number of samples. A
 * municipality's structural shares over the samples are kept as counts of the distinct
 * (structural, temporary) pairs, a few per municipality, from which the percentiles are exact.
 */
public final class Analysis {
  private static final int BATCH = 64;

  private final Codebook codebook;
  private final List<Unit> units;
  private final Settings settings;
  private final Evidence[] evidence;
  // the evidence vectors end to end (compressed sparse rows): measure i's weights are
  // index[start[i]] .. index[start[i + 1] - 1], which a sample reads in one sweep
  private final int[] start;
  private final int[] index;
  private final double[] coefficient;
  private final byte[] coded;
  private final int[] unitStart;
  private final double[] base;
  private final double[] low;
  private final double[] high;
  private final List<String> ids;

  private Analysis(Codebook codebook, List<Unit> units, Settings settings) {
    this.codebook = codebook;
    this.settings = settings;
    List<Unit> sorted = new ArrayList<>(units);
    sorted.sort(Comparator.comparing(Unit::municipalityId));
    this.units = sorted;
    int m = sorted.stream().mapToInt(u -> u.items().size()).sum();
    evidence = new Evidence[m];
    coded = new byte[m];
    unitStart = new int[sorted.size() + 1];
    int i = 0;
    for (int u = 0; u < sorted.size(); u++) {
      unitStart[u] = i;
      for (Unit.Item item : sorted.get(u).items()) {
        evidence[i] = item.evidence();
        coded[i] = item.coded() == null ? Labels.NONE : Labels.of(item.coded());
        i++;
      }
    }
    unitStart[sorted.size()] = i;
    start = new int[m + 1];
    for (int j = 0; j < m; j++) {
      start[j + 1] = start[j] + evidence[j].index.length;
    }
    index = new int[start[m]];
    coefficient = new double[start[m]];
    for (int j = 0; j < m; j++) {
      System.arraycopy(evidence[j].index, 0, index, start[j], evidence[j].index.length);
      System.arraycopy(evidence[j].coefficient, 0, coefficient, start[j],
          evidence[j].coefficient.length);
    }
    ids = codebook.weightIds();
    base = codebook.weightValues();
    low = new double[base.length];
    high = new double[base.length];
    Map<String, Range> own = codebook.sensitivity();
    for (int k = 0; k < base.length; k++) {
      Range r = own.get(ids.get(k));
      if (r != null) {
        low[k] = r.low();
        high[k] = r.high();
      } else {
        double d = Math.max(1, settings.range() * Math.abs(base[k]));
        low[k] = base[k] - d;
        high[k] = base[k] + d;
      }
    }
  }

  /** The analysis of {@code units} (any order; the tables are by municipality id). */
  public static Result run(Codebook codebook, List<Unit> units, Settings settings) {
    return new Analysis(codebook, units, settings).run();
  }

  /** The weights of sample {@code j}'s codebook, from its own generator. */
  static double[] draw(long sampleSeed, double[] low, double[] high) {
    SplittableRandom r = new SplittableRandom(sampleSeed);
    double[] w = new double[low.length];
    for (int k = 0; k < w.length; k++) {
      w[k] = low[k] + (high[k] - low[k]) * r.nextDouble();
    }
    return w;
  }

  /** The labels, profile sides, shares and ranks of the dataset under one set of weights. */
  private final class Outcome {
    final byte[] labels = new byte[evidence.length];
    final int[] structural = new int[units.size()];
    final int[] temporary = new int[units.size()];
    final byte[] side = new byte[units.size()];
    final int[] rank = new int[units.size()];

    Outcome(double[] w) {
      for (int i = 0; i < evidence.length; i++) {
        double sum = 0;
        double abs = 0;
        for (int j = start[i]; j < start[i + 1]; j++) {
          double t = w[index[j]] * coefficient[j];
          sum += t;
          abs += Math.abs(t);
        }
        labels[i] = Evidence.decided(sum, abs);
        if (labels[i] == Labels.NONE) {
          labels[i] = evidence[i].label(w);
        }
      }
      double[] shares = new double[units.size()];
      int valid = 0;
      for (int u = 0; u < units.size(); u++) {
        int s = 0;
        int t = 0;
        for (int i = unitStart[u]; i < unitStart[u + 1]; i++) {
          byte l = coded[i] != Labels.NONE ? coded[i] : labels[i];
          if (l == Labels.STRUCTURAL) {
            s++;
          } else if (l == Labels.TEMPORARY) {
            t++;
          }
        }
        structural[u] = s;
        temporary[u] = t;
        side[u] = Labels.side(s, t);
        if (s + t > 0) {
          shares[valid++] = (double) s / (s + t);
        }
      }
      double[] sorted = Arrays.copyOf(shares, valid);
      Arrays.sort(sorted);
      for (int u = 0; u < units.size(); u++) {
        int s = structural[u];
        int t = temporary[u];
        // 1 + the municipalities with a higher share: equal shares share a rank
        rank[u] = s + t == 0 ? 0 : 1 + valid - upperBound(sorted, (double) s / (s + t));
      }
    }
  }

  private static int upperBound(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private Result run() {
    int m = evidence.length;
    int n = units.size();
    Outcome baseline = new Outcome(base);

    // One at a time: each weight to its low and its high value.
    List<List<String>> flippedBy = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      flippedBy.add(null);
    }
    List<WeightInfluence> weights = new ArrayList<>();
    Outcome[] moved = IntStream.range(0, 2 * base.length).parallel().mapToObj(c -> {
      double[] w = base.clone();
      w[c / 2] = c % 2 == 0 ? low[c / 2] : high[c / 2];
      return new Outcome(w);
    }).toArray(Outcome[]::new);
    for (int k = 0; k < base.length; k++) {
      long[] measures = new long[3];
      long[] municipalities = new long[3];
      for (int i = 0; i < m; i++) {
        boolean lo = moved[2 * k].labels[i] != baseline.labels[i];
        boolean hi = moved[2 * k + 1].labels[i] != baseline.labels[i];
        measures[0] += lo ? 1 : 0;
        measures[1] += hi ? 1 : 0;
        measures[2] += lo || hi ? 1 : 0;
        for (int d = 0; d < 2; d++) {
          if (d == 0 ? lo : hi) {
            if (flippedBy.get(i) == null) {
              flippedBy.set(i, new ArrayList<>());
            }
            flippedBy.get(i).add(ids.get(k) + "=" + Reason.format(d == 0 ? low[k] : high[k]));
          }
        }
      }
      for (int u = 0; u < n; u++) {
        boolean lo = moved[2 * k].side[u] != baseline.side[u];
        boolean hi = moved[2 * k + 1].side[u] != baseline.side[u];
        municipalities[0] += lo ? 1 : 0;
        municipalities[1] += hi ? 1 : 0;
        municipalities[2] += lo || hi ? 1 : 0;
      }
      String id = ids.get(k);
      weights.add(new WeightInfluence(id, id.substring(0, id.indexOf('.')), base[k], low[k],
          high[k], codebook.sensitivity().containsKey(id), measures[0], measures[1],
          measures[2], municipalities[0], municipalities[1], municipalities[2]));
    }
    // the most influential first; a stable sort keeps the codebook's order among equals
    weights.sort(Comparator.comparing(WeightInfluence::measuresChanged).reversed()
        .thenComparing(Comparator.comparing(WeightInfluence::municipalitiesChanged).reversed()));

    // Monte Carlo.
    int samples = settings.samples();
    // sample j's seed is the root's j-th number, drawn a batch at a time: an array of every
    // sample's seed would be the one thing that grows with the samples
    SplittableRandom root = new SplittableRandom(settings.seed());
    long[] seeds = new long[BATCH];
    long[] flips = new long[m];
    long[] kept = new long[n];
    int[] rankMin = new int[n];
    int[] rankMax = new int[n];
    Arrays.fill(rankMin, Integer.MAX_VALUE);
    Histogram[] shares = new Histogram[n];
    for (int u = 0; u < n; u++) {
      shares[u] = new Histogram();
    }
    // long: the last batch of Integer.MAX_VALUE samples would overflow an int
    for (long b0 = 0; b0 < samples; b0 += BATCH) {
      int size = (int) Math.min(BATCH, samples - b0);
      for (int j = 0; j < size; j++) {
        seeds[j] = root.nextLong();
      }
      Outcome[] batch = IntStream.range(0, size).parallel()
          .mapToObj(j -> new Outcome(draw(seeds[j], low, high))).toArray(Outcome[]::new);
      IntStream.range(0, (m + 4095) / 4096).parallel().forEach(chunk -> {
        for (int i = chunk * 4096; i < Math.min(m, chunk * 4096 + 4096); i++) {
          for (Outcome o : batch) {
            if (o.labels[i] != baseline.labels[i]) {
              flips[i]++;
            }
          }
        }
      });
      IntStream.range(0, n).parallel().forEach(u -> {
        long[] keys = new long[batch.length];
        int c = 0;
        for (Outcome o : batch) {
          if (o.side[u] == baseline.side[u]) {
            kept[u]++;
          }
          if (o.rank[u] > 0) {
            rankMin[u] = Math.min(rankMin[u], o.rank[u]);
            rankMax[u] = Math.max(rankMax[u], o.rank[u]);
          }
          if (o.structural[u] + o.temporary[u] > 0) {
            keys[c++] = (long) o.structural[u] << 32 | o.temporary[u];
          }
        }
        shares[u].add(Arrays.copyOf(keys, c));
      });
    }

    // The tables.
    List<MeasureStability> measureRows = new ArrayList<>(m);
    List<MunicipalityStability> municipalityRows = new ArrayList<>(n);
    long measuresStable = 0;
    long municipalitiesStable = 0;
    for (int u = 0; u < n; u++) {
      Unit unit = units.get(u);
      for (int i = unitStart[u]; i < unitStart[u + 1]; i++) {
        Unit.Item item = unit.items().get(i - unitStart[u]);
        boolean stable = flips[i] * 20 <= samples;
        measuresStable += stable ? 1 : 0;
        List<String> by = flippedBy.get(i);
        measureRows.add(new MeasureStability(unit.municipalityId(), item.measureId(),
            item.title(), Labels.duration(baseline.labels[i]).label(), item.durationScore(),
            flips[i], (double) flips[i] / samples, by == null ? null : String.join("; ", by),
            stable));
      }
      int s = baseline.structural[u];
      int t = baseline.temporary[u];
      boolean stable = (samples - kept[u]) * 20 <= samples;
      municipalitiesStable += stable ? 1 : 0;
      boolean ranked = rankMin[u] != Integer.MAX_VALUE;
      municipalityRows.add(new MunicipalityStability(unit.municipalityId(), unit.municipality(),
          (long) (unitStart[u + 1] - unitStart[u]),
          unit.targeting() + "-" + Labels.sideLabel(baseline.side[u]), kept[u],
          (double) kept[u] / samples, s + t == 0 ? null : (double) s / (s + t),
          shares[u].percentile(0.05), shares[u].percentile(0.95),
          baseline.rank[u] == 0 ? null : (long) baseline.rank[u],
          ranked ? (long) rankMin[u] : null, ranked ? (long) rankMax[u] : null,
          ranked ? (long) (rankMax[u] - rankMin[u]) : null, stable));
    }
    SummaryRow summary = new SummaryRow((long) samples, settings.seed(), settings.range(),
        (long) base.length, (long) m, measuresStable, m == 0 ? null : (double) measuresStable / m,
        (long) n, municipalitiesStable, n == 0 ? null : (double) municipalitiesStable / n);
    return new Result(summary, municipalityRows, measureRows, weights);
  }

  /**
   * The structural shares of one municipality over the samples, as counts per distinct
   * (structural, temporary) pair: {@code structural << 32 | temporary}, sorted.
   */
  private static final class Histogram {
    private long[] keys = new long[0];
    private long[] counts = new long[0];

    void add(long[] batch) {
      Arrays.sort(batch);
      int i = 0;
      while (i < batch.length) {
        int j = i;
        while (j < batch.length && batch[j] == batch[i]) {
          j++;
        }
        int at = Arrays.binarySearch(keys, batch[i]);
        if (at >= 0) {
          counts[at] += j - i;
        } else {
          int ins = -at - 1;
          keys = insert(keys, ins, batch[i]);
          counts = insert(counts, ins, j - i);
        }
        i = j;
      }
    }

    private static long[] insert(long[] a, int at, long v) {
      long[] out = new long[a.length + 1];
      System.arraycopy(a, 0, out, 0, at);
      out[at] = v;
      System.arraycopy(a, at, out, at + 1, a.length - at);
      return out;
    }

    /**
     * The p-th quantile of the shares, interpolated between order statistics as Excel's
     * PERCENTILE.INC and numpy's default do; null without any share.
     */
    Double percentile(double p) {
      int d = keys.length;
      double[] share = new double[d];
      Integer[] order = new Integer[d];
      long total = 0;
      for (int i = 0; i < d; i++) {
        long s = keys[i] >>> 32;
        long t = keys[i] & 0xFFFFFFFFL;
        share[i] = (double) s / (s + t);
        order[i] = i;
        total += counts[i];
      }
      if (total == 0) {
        return null;
      }
      Arrays.sort(order, Comparator.comparingDouble(i -> share[i]));
      double h = (total - 1) * p;
      long lo = (long) Math.floor(h);
      double lower = statistic(order, share, lo);
      double frac = h - lo;
      if (frac == 0) {
        return lower;
      }
      return lower + frac * (statistic(order, share, lo + 1) - lower);
    }

    private double statistic(Integer[] order, double[] share, long index) {
      long seen = 0;
      for (int i : order) {
        seen += counts[i];
        if (index < seen) {
          return share[i];
        }
      }
      return share[order[order.length - 1]];
    }
  }
}
