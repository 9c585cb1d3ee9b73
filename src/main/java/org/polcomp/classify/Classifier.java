package org.polcomp.classify;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.model.Codebook;
import org.polcomp.model.Codebook.Group;
import org.polcomp.model.Codebook.WeightedTerm;
import org.polcomp.model.Coding;
import org.polcomp.model.Duration;
import org.polcomp.model.Funding;
import org.polcomp.model.Majority;
import org.polcomp.model.Measure;
import org.polcomp.model.Period;
import org.polcomp.model.Quadrant;
import org.polcomp.model.Targeting;

/**
 * Applies the codebook's rules ({@link Rule}: T1-T4, D1-D4) to a measure. A pure function of the
 * measure and the codebook given at construction: values the codebook does not know contribute
 * nothing.
 *
 * <p>Confidence is |S| over the sum of the absolute contributions, both taken before rounding and the
 * ratio then rounded like S: 1 exactly when all evidence points one way, 0 when S rounds to 0 (no
 * winning direction, including no evidence at all).
 *
 * <p>Arithmetic is exact: weights and amounts become {@link BigDecimal}s from the shortest decimal
 * form of each double (so {@code 0.0005} is 0.0005 and rounds half up to {@code 0.001}, as a reader
 * expects), the D4 average stays a fraction, and S is rounded once. So the order of groups or
 * funding entries cannot change a result; lists in reason texts (groups, funding sources) are
 * sorted for the same reason.
 */
public final class Classifier {
  /** The reason text of a score of 0 without any leaning evidence. */
  public static final String NO_EVIDENCE = "no duration evidence";

  /** The reason text of a score of 0 with evidence both ways. */
  public static final String BALANCED = "evidence is balanced";

  private static final int SCALE = 3;

  private final Codebook codebook;
  // The codebook's terms by id, asked for every measure: the codebook lists them, and scanning
  // the lists was a twentieth of classifying. The first of equal ids wins, as in the codebook.
  private final Map<String, Group> groups = new HashMap<>();
  private final Map<String, WeightedTerm> instruments = new HashMap<>();
  private final Map<String, WeightedTerm> fundingSources = new HashMap<>();
  // each funding source's lean as the exact decimal the arithmetic below starts from
  private final Map<String, BigDecimal> leans = new HashMap<>();
  // The same for the D1-D3 weights, asked for every measure: converting them each time was a
  // tenth of classifying (async-profiler, validate of 100,000 municipalities).
  private final Map<String, BigDecimal> instrumentWeights = new HashMap<>();
  private final BigDecimal declaredStructural;
  private final BigDecimal declaredTemporary;
  private final BigDecimal openEnd;
  private final BigDecimal endDate;

  public Classifier(Codebook codebook) {
    this.codebook = Objects.requireNonNull(codebook, "codebook");
    for (Group g : codebook.groups()) {
      groups.putIfAbsent(g.id(), g);
    }
    for (WeightedTerm t : codebook.instruments()) {
      if (instruments.putIfAbsent(t.id(), t) == null) {
        instrumentWeights.put(t.id(), BigDecimal.valueOf(t.weight()));
      }
    }
    for (WeightedTerm t : codebook.fundingSources()) {
      if (fundingSources.putIfAbsent(t.id(), t) == null) {
        leans.put(t.id(), BigDecimal.valueOf(t.weight()));
      }
    }
    declaredStructural = BigDecimal.valueOf(codebook.weights().declaredStructural());
    declaredTemporary = BigDecimal.valueOf(codebook.weights().declaredTemporary());
    openEnd = BigDecimal.valueOf(codebook.weights().openEnd());
    endDate = BigDecimal.valueOf(codebook.weights().endDate());
  }

  /** The group with this id, as {@link Codebook#group} finds it, or null. */
  private Group group(String id) {
    Group g = groups.get(id);
    return g != null ? g : codebook.group(id).orElse(null);
  }

  /** The codebook this classifier applies. */
  public Codebook codebook() {
    return codebook;
  }

  /** Classifies one measure. */
  public Classification classify(Measure m) {
    List<Reason> reasons = new ArrayList<>();
    Verdict v = decide(m, reasons);
    BigDecimal confidence = BigDecimal.ZERO;
    if (v.score().signum() != 0) {
      // The unrounded sum, so that evidence all one way gives exactly 1 (1/3 / 1/3, not
      // 0.333 / 0.3333...), and rounding can never lift the ratio above 1 (0.0005 -> 0.001).
      confidence = v.exact().abs().divide(v.absolute(), SCALE, RoundingMode.HALF_UP); // D cancels
    }
    return new Classification(v.targeting(), v.duration(),
        Quadrant.of(v.targeting(), v.duration()), v.score().doubleValue(),
        confidence.doubleValue(), reasons, codingAgrees(m.codings(), v.targeting(), v.duration()));
  }

  /**
   * Reports the warnings of the measure's classification, as {@link ClassificationWarnings}
   * reports those of {@link #classify}, without making the classification's reasons: validate
   * wants only the warnings, and the reasons' texts (sorted group lists, dates, funding
   * sources) were half of classifying (async-profiler, validate of 100,000 municipalities).
   */
  public void warnings(Measure m, Consumer<Diagnostic> out) {
    Verdict v = decide(m, null);
    ClassificationWarnings.report(m, v.targeting(), v.duration(), v.targetingRule() == Rule.T3,
        v.duration() == Duration.UNCLASSIFIED && v.absolute().signum() != 0, out);
  }

  /**
   * What the rules decide for a measure: the targeting rule that fired and its label, the
   * duration, and the exact sums the score and confidence come from.
   */
  private record Verdict(Rule targetingRule, Targeting targeting, Duration duration,
      BigDecimal score, BigDecimal exact, BigDecimal absolute) {}

  /**
   * Applies the rules to {@code m}, adding what fired to {@code reasons}; with {@code reasons}
   * null the same decision without any reason made.
   */
  private Verdict decide(Measure m, List<Reason> reasons) {
    Rule targetingRule = targetingRule(m);
    Targeting targeting = switch (targetingRule) {
      case T1 -> Targeting.MAINSTREAMED;
      case T2 -> Targeting.TARGET_GROUP;
      case T3 -> codebook.mixedEligibility();
      case T4 -> codebook.proxyTargeting();
      default -> Targeting.UNCLASSIFIED;
    };
    if (reasons != null) {
      reasons.add(targetingReason(m, targetingRule, targeting));
    }

    List<BigDecimal> evidence = new ArrayList<>(3);
    declared(m, reasons, evidence);
    end(m.period(), reasons, evidence);
    instrument(m, reasons, evidence);
    Fraction funding = funding(m, reasons);

    // S = fixed + N/D (D4 as a fraction), kept exact as (fixed * D + N) / D and rounded once by
    // an exact division, so no intermediate rounding can move S across a half-thousandth.
    BigDecimal den = funding == null ? BigDecimal.ONE : funding.denominator();
    BigDecimal exact = funding == null ? BigDecimal.ZERO : funding.numerator();
    BigDecimal absolute = exact.abs();
    for (BigDecimal e : evidence) {
      exact = exact.add(e.multiply(den));
      absolute = absolute.add(e.abs().multiply(den));
    }
    BigDecimal score = exact.divide(den, SCALE, RoundingMode.HALF_UP);
    Duration duration;
    if (score.signum() > 0) {
      duration = Duration.STRUCTURAL;
    } else if (score.signum() < 0) {
      duration = Duration.TEMPORARY;
    } else {
      duration = Duration.UNCLASSIFIED;
      if (reasons != null) {
        // Neutral evidence alone (weight 0) is no evidence either way.
        String why = absolute.signum() == 0 ? NO_EVIDENCE : BALANCED;
        reasons.add(new Reason(Rule.D, "unclassified: " + why, 0));
      }
    }
    return new Verdict(targetingRule, targeting, duration, score, exact, absolute);
  }

  /** The targeting rule that fires for {@code m} (T when no target group is valid). */
  private Rule targetingRule(Measure m) {
    boolean migration = false;
    boolean generic = false;
    for (String id : m.target().groups()) {
      Group g = id == null ? null : group(id);
      if (g != null) {
        if (g.migrationDefined()) {
          migration = true;
        } else {
          generic = true;
        }
      }
    }
    if (!migration) {
      return !generic ? Rule.T : m.target().proxy() ? Rule.T4 : Rule.T1;
    }
    return generic ? Rule.T3 : Rule.T2;
  }

  /** The reason of the targeting rule that fired, naming the groups it saw, sorted. */
  private Reason targetingReason(Measure m, Rule rule, Targeting label) {
    String text = switch (rule) {
      case T1 -> "generic groups only (" + groups(m, false, true) + ") -> " + label.label();
      case T4 -> "generic groups only (" + groups(m, false, true) + "), proxy-targeted -> "
          + label.label();
      case T2 -> "migration-defined groups only (" + groups(m, true, false) + ") -> "
          + label.label();
      case T3 -> "mixed eligibility (" + groups(m, true, true) + ") -> " + label.label();
      default -> "unclassified: no valid target groups";
    };
    return new Reason(rule, text, 0);
  }

  /**
   * The distinct valid target groups of {@code m}, the migration-defined ones and/or the generic
   * ones, sorted and joined with "; ". A measure names a few groups: a sorted array, not a
   * tree set, which was a sixth of classifying.
   */
  private String groups(Measure m, boolean migration, boolean generic) {
    List<String> ids = m.target().groups();
    String[] kept = new String[ids.size()];
    int n = 0;
    for (String id : ids) {
      Group g = id == null ? null : group(id);
      if (g != null && (g.migrationDefined() ? migration : generic)) {
        kept[n++] = id;
      }
    }
    Arrays.sort(kept, 0, n);
    StringBuilder sb = new StringBuilder(16 * n);
    String previous = null;
    for (int i = 0; i < n; i++) {
      if (kept[i].equals(previous)) {
        continue; // named twice
      }
      sb.append(previous == null ? "" : "; ").append(kept[i]);
      previous = kept[i];
    }
    return sb.toString();
  }

  private void declared(Measure m, List<Reason> reasons, List<BigDecimal> evidence) {
    String declared = m.declaredDuration();
    if (Duration.STRUCTURAL.label().equals(declared)) {
      add(Rule.D1, "declared structural", codebook.weights().declaredStructural(),
          declaredStructural, reasons, evidence);
    } else if (Duration.TEMPORARY.label().equals(declared)) {
      add(Rule.D1, "declared temporary", codebook.weights().declaredTemporary(),
          declaredTemporary, reasons, evidence);
    }
  }

  private void end(Period p, List<Reason> reasons, List<BigDecimal> evidence) {
    if (p.openEnd()) {
      add(Rule.D2, "end open", codebook.weights().openEnd(), openEnd, reasons, evidence);
    } else if (p.end() != null) {
      // The last day the end covers, as --as-of reads it (2018-10 ends on 2018-10-31).
      add(Rule.D2, reasons == null ? null : "end date " + p.end().last(),
          codebook.weights().endDate(), endDate, reasons, evidence);
    }
  }

  private void instrument(Measure m, List<Reason> reasons, List<BigDecimal> evidence) {
    if (m.instrument() == null) {
      return;
    }
    WeightedTerm t = instruments.get(m.instrument());
    if (t != null) {
      add(Rule.D3, reasons == null ? null : "instrument " + t.id(), t.weight(),
          instrumentWeights.get(t.id()), reasons, evidence);
    }
  }

  /**
   * D4, as an exact fraction (null when no entry counts): the mean lean of the funding entries
   * whose source the codebook knows, weighted by amount when every such entry has a usable amount
   * (finite, at least 0) and the amounts sum above 0.
   */
  private Fraction funding(Measure m, List<Reason> reasons) {
    List<Funding> entries = m.funding();
    if (entries.isEmpty()) {
      return null;
    }
    List<BigDecimal> leans = new ArrayList<>(entries.size());
    List<BigDecimal> amounts = new ArrayList<>(entries.size());
    String[] sources = new String[entries.size()];
    boolean allAmounts = true;
    for (Funding f : entries) {
      WeightedTerm t = f.source() == null ? null : fundingSources.get(f.source());
      if (t == null) {
        continue;
      }
      sources[leans.size()] = t.id();
      leans.add(this.leans.get(t.id()));
      Double a = f.amountEur();
      if (a == null || !Double.isFinite(a) || a < 0) {
        allAmounts = false;
        amounts.add(BigDecimal.ZERO);
      } else {
        amounts.add(exact(a));
      }
    }
    if (leans.isEmpty()) {
      return null;
    }
    BigDecimal total = BigDecimal.ZERO;
    for (BigDecimal a : amounts) {
      total = total.add(a);
    }
    boolean weighted = allAmounts && total.signum() > 0;
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < leans.size(); i++) {
      sum = sum.add(weighted ? leans.get(i).multiply(amounts.get(i)) : leans.get(i));
    }
    Fraction average =
        new Fraction(sum, weighted ? total : BigDecimal.valueOf(leans.size()));
    if (reasons == null) {
      return average;
    }
    // One entry's mean is its lean, which the division would only round to its precision:
    // rounded here without dividing, which was a third of D4.
    double value = leans.size() == 1
        ? leans.get(0).round(MathContext.DECIMAL64).doubleValue() : average.value();
    reasons.add(new Reason(Rule.D4, fundingText(sources, leans.size(), weighted), value));
    return average;
  }

  /**
   * The D4 text: the known sources of the first {@code n} of {@code sources}, sorted, each
   * once with its count when above 1, and how they were averaged when there are several.
   */
  private static String fundingText(String[] sources, int n, boolean weighted) {
    Arrays.sort(sources, 0, n);
    StringBuilder text = new StringBuilder("funding ");
    int distinct = 0;
    for (int i = 0; i < n; ) {
      int j = i + 1;
      while (j < n && sources[j].equals(sources[i])) {
        j++;
      }
      text.append(distinct++ == 0 ? "" : ", ").append(sources[i]);
      if (j - i > 1) {
        text.append(" x").append(j - i);
      }
      i = j;
    }
    if (distinct > 1) {
      // Only several sources make the way of averaging matter to a reader.
      text.append(weighted ? ", amount-weighted" : ", unweighted");
    }
    return text.toString();
  }

  /**
   * An amount as the exact decimal of its shortest form, as {@link BigDecimal#valueOf(double)}
   * gives it. A whole amount, what funding nearly always is, is the same number made from its
   * long, without writing out the double: that was a tenth of classifying. The scale differs
   * ({@code 250000} against {@code 250000.0}), and nothing that follows depends on scale: the
   * score and confidence are divided to a fixed scale, the D4 value is a double.
   */
  static BigDecimal exact(double amount) {
    if (amount == Math.rint(amount) && Math.abs(amount) < 0x1p53) {
      return BigDecimal.valueOf((long) amount);
    }
    return BigDecimal.valueOf(amount);
  }

  /** An exact quotient, kept apart until the score is rounded; the denominator is above 0. */
  private record Fraction(BigDecimal numerator, BigDecimal denominator) {
    double value() {
      return numerator.divide(denominator, MathContext.DECIMAL64).doubleValue();
    }
  }

  /**
   * One piece of D1-D3 evidence: its weight, and the same as the exact decimal; its reason only
   * when reasons are made ({@code text} is null when not).
   */
  private static void add(Rule rule, String text, double weight, BigDecimal exact,
      List<Reason> reasons, List<BigDecimal> evidence) {
    if (reasons != null) {
      reasons.add(new Reason(rule, text, weight));
    }
    evidence.add(exact);
  }

  /**
   * Whether the human codes agree with the rules on every coded axis: with several coders, the
   * majority code of the axis, a tie disagreeing. Null when no axis is coded.
   */
  private static Boolean codingAgrees(List<Coding> codings, Targeting t, Duration d) {
    if (codings.isEmpty()) {
      return null; // a measure nobody coded: no lists to make
    }
    List<Targeting> ts = Majority.targetings(codings);
    List<Duration> ds = Majority.durations(codings);
    if (ts.isEmpty() && ds.isEmpty()) {
      return null;
    }
    return (ts.isEmpty() || Majority.of(ts) == t) && (ds.isEmpty() || Majority.of(ds) == d);
  }
}
