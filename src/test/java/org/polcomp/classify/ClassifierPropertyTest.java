package org.polcomp.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.model.Codebook;
import org.polcomp.model.Coding;
import org.polcomp.model.Duration;
import org.polcomp.model.Funding;
import org.polcomp.model.Measure;
import org.polcomp.model.Period;
import org.polcomp.model.Quadrant;
import org.polcomp.model.Target;
import org.polcomp.model.Targeting;

/** Properties of the classifier over seeded random measures (java.util.Random, fixed seeds). */
class ClassifierPropertyTest {
  private static final Codebook BOOK = MeasureBuilder.defaults();
  private static final List<String> GROUPS = new ArrayList<>();
  private static final List<String> INSTRUMENTS = new ArrayList<>();
  private static final List<String> SOURCES = new ArrayList<>();

  static {
    BOOK.groups().forEach(g -> GROUPS.add(g.id()));
    GROUPS.addAll(List.of("origin:SY", "origin:PL", "bogus-group"));
    BOOK.instruments().forEach(t -> INSTRUMENTS.add(t.id()));
    INSTRUMENTS.add("bogus-instrument");
    BOOK.fundingSources().forEach(t -> SOURCES.add(t.id()));
    SOURCES.add("bogus-source");
  }

  private final Classifier classifier = new Classifier(BOOK);

  static LongStream seeds() {
    return LongStream.range(0, 400);
  }

  /** A random measure, invalid values included: the classifier must take anything. */
  static MeasureBuilder random(Random r) {
    MeasureBuilder b = MeasureBuilder.measure("m" + r.nextInt(1000));
    int n = r.nextInt(4);
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      groups.add(pick(r, GROUPS));
    }
    b.groups(groups).proxy(r.nextInt(4) == 0);
    if (r.nextBoolean()) {
      b.instrument(pick(r, INSTRUMENTS));
    }
    switch (r.nextInt(4)) {
      case 0 -> b.end("20" + (10 + r.nextInt(15)));
      case 1 -> b.end("2019-0" + (1 + r.nextInt(9)));
      case 2 -> b.open();
      default -> { }
    }
    switch (r.nextInt(4)) {
      case 0 -> b.declared("structural");
      case 1 -> b.declared("temporary");
      case 2 -> b.declared("bogus");
      default -> { }
    }
    boolean amounts = r.nextBoolean();
    int entries = r.nextInt(5);
    for (int i = 0; i < entries; i++) {
      String source = pick(r, SOURCES);
      if (amounts || r.nextInt(5) == 0) {
        b.fund(source, amount(r));
      } else {
        b.fund(source);
      }
    }
    return b;
  }

  private static double amount(Random r) {
    return switch (r.nextInt(5)) {
      case 0 -> 0;
      case 1 -> r.nextInt(10) + 1;
      case 2 -> r.nextInt(1_000_000) / 100.0;
      default -> 1000.0 * (1 + r.nextInt(5000));
    };
  }

  private static String pick(Random r, List<String> from) {
    return from.get(r.nextInt(from.size()));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void addingStructuralEvidenceNeverLowersTheScore(long seed) {
    Random r = new Random(seed);
    Measure before = random(r).build();
    Measure after = moreStructural(before, r);
    Classification a = classifier.classify(before);
    Classification b = classifier.classify(after);
    assertTrue(b.durationScore() >= a.durationScore(), () -> a + " -> " + b);
    if (a.duration() == Duration.STRUCTURAL) {
      assertEquals(Duration.STRUCTURAL, b.duration(), () -> a + " -> " + b);
    }
  }

  /** The measure with one to four pieces of structural evidence added or strengthened. */
  private static Measure moreStructural(Measure m, Random r) {
    String declared = m.declaredDuration();
    String instrument = m.instrument();
    Period period = m.period();
    List<Funding> funding = new ArrayList<>(m.funding());
    int steps = 1 + r.nextInt(4);
    for (int i = 0; i < steps; i++) {
      switch (r.nextInt(4)) {
        case 0 -> declared = "structural";
        case 1 -> period = new Period(period.start(), null, true);
        case 2 -> instrument = r.nextBoolean() ? "framework" : "regular-service";
        default -> {
          // Keep the way of averaging: with an amount only if every known entry has one.
          boolean all = funding.stream().allMatch(f -> f.amountEur() != null && f.amountEur() >= 0
              || BOOK.fundingSource(f.source()).isEmpty());
          funding.add(new Funding("municipal-regular", all ? 1.0 + r.nextInt(1000) : null, null));
        }
      }
    }
    return new Measure(m.id(), m.title(), m.description(), m.domain(), m.target(), instrument,
        m.scale(), period, declared, funding, m.status(), m.successor(), m.contactWith(),
        m.sources(), m.codings(), m.extensions(), m.locations());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void theOrderOfGroupsAndFundingDoesNotMatter(long seed) {
    Random r = new Random(seed);
    Measure m = random(r).build();
    List<String> groups = new ArrayList<>(m.target().groups());
    List<Funding> funding = new ArrayList<>(m.funding());
    Collections.shuffle(groups, r);
    Collections.shuffle(funding, r);
    Target target = new Target(groups, m.target().eligibility(), m.target().proxy());
    Measure same = new Measure(m.id(), m.title(), m.description(), m.domain(), target,
        m.instrument(), m.scale(), m.period(), m.declaredDuration(), funding, m.status(),
        m.successor(), m.contactWith(), m.sources(), m.codings(), m.extensions(), m.locations());
    assertEquals(classifier.classify(m), classifier.classify(same));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void scoresAndConfidencesAreWellFormed(long seed) {
    Measure m = random(new Random(seed)).build();
    Classification c = classifier.classify(m);
    assertTrue(c.confidence() >= 0 && c.confidence() <= 1, () -> "confidence " + c);
    assertTrue(BigDecimal.valueOf(c.durationScore()).stripTrailingZeros().scale() <= 3);
    assertTrue(BigDecimal.valueOf(c.confidence()).stripTrailingZeros().scale() <= 3);
    BigDecimal sum = BigDecimal.ZERO;
    for (Reason reason : c.reasons()) {
      if (reason.isEvidence()) {
        sum = sum.add(BigDecimal.valueOf(reason.contribution()));
      }
    }
    assertEquals(sum.doubleValue(), c.durationScore(), 0.0005 + 1e-12);
    if (c.durationScore() == 0) {
      assertEquals(0.0, c.confidence());
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void theQuadrantFollowsTheAxes(long seed) {
    Classification c = classifier.classify(random(new Random(seed)).build());
    assertEquals(Quadrant.of(c.targeting(), c.duration()), c.quadrant());
    Duration expected = c.durationScore() > 0 ? Duration.STRUCTURAL
        : c.durationScore() < 0 ? Duration.TEMPORARY : Duration.UNCLASSIFIED;
    assertEquals(expected, c.duration());
    assertEquals(c.quadrant() == Quadrant.UNCLASSIFIED,
        c.targeting() == Targeting.UNCLASSIFIED || c.duration() == Duration.UNCLASSIFIED);
  }

  /**
   * The warnings made without the reasons (validate's way) are those of the full
   * classification, under the default codebook and one that leaves mixed eligibility
   * unclassified (W008 then says why), with codings that agree and disagree (W005).
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void warningsWithoutReasonsAreThoseOfTheClassification(long seed) {
    Random r = new Random(seed);
    MeasureBuilder b = random(r).at("gm/a.yaml", 1 + r.nextInt(99));
    Targeting[] targetings = Targeting.values();
    Duration[] durations = Duration.values();
    List<Coding> codings = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      codings.add(new Coding(r.nextBoolean() ? null : targetings[r.nextInt(targetings.length)],
          r.nextBoolean() ? null : durations[r.nextInt(durations.length)], "c" + i, null));
    }
    Measure m = b.codings(codings.toArray(Coding[]::new)).build();
    for (Classifier k : List.of(classifier, new Classifier(
        MeasureBuilder.withSettings(Targeting.UNCLASSIFIED, Targeting.MAINSTREAMED)))) {
      List<Diagnostic> full = new ArrayList<>();
      ClassificationWarnings.report(m, k.classify(m), full::add);
      List<Diagnostic> fast = new ArrayList<>();
      k.warnings(m, fast::add);
      assertEquals(full, fast, () -> m.toString());
    }
  }

  /** Whole amounts become the decimal valueOf(double) makes, to the value. */
  @ParameterizedTest
  @MethodSource("seeds")
  void aWholeAmountIsExactlyItsDecimal(long seed) {
    Random r = new Random(seed);
    double a = switch (r.nextInt(4)) {
      case 0 -> r.nextInt(1_000_000);
      case 1 -> Math.scalb((double) (r.nextLong() >>> 11), -r.nextInt(20)); // up to 2^53
      case 2 -> Math.rint(r.nextDouble() * 1e15);
      default -> r.nextInt(100_000) / 8.0;
    };
    assertEquals(0, BigDecimal.valueOf(a).compareTo(Classifier.exact(a)), () -> a + "");
  }
}
