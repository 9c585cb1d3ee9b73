package org.polcomp.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polcomp.classify.MeasureBuilder.measure;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.polcomp.load.CodebookLoader;
import org.polcomp.load.Limits;
import org.polcomp.model.Codebook;
import org.polcomp.model.Duration;
import org.polcomp.model.Measure;
import org.polcomp.model.Quadrant;
import org.polcomp.model.Targeting;

class ClassifierTest {
  private final Classifier classifier = new Classifier(MeasureBuilder.defaults());

  private Classification classify(MeasureBuilder b) {
    return classifier.classify(b.build());
  }

  private static List<String> reasons(Classification c) {
    return c.reasons().stream().map(Reason::toString).toList();
  }

  private static List<String> rules(Classification c) {
    return c.reasons().stream().map(Reason::id).toList();
  }

  // ---- The worked example of CODEBOOK.md.

  @Test
  void planEinsteinIsTemporaryWithFullConfidence() {
    Classification c = classify(measure("plan-einstein")
        .groups("asylum-seekers", "neighbourhood-residents")
        .instrument("living-lab").start("2016-11").end("2018-10")
        .declared("temporary").fund("eu", 3_400_000));
    assertEquals(-8.0, c.durationScore());
    assertEquals(Duration.TEMPORARY, c.duration());
    assertEquals(Targeting.MAINSTREAMED, c.targeting());
    assertEquals(Quadrant.MAINSTREAMED_TEMPORARY, c.quadrant());
    assertEquals(1.0, c.confidence());
    assertEquals(List.of(
        "T3 mixed eligibility (asylum-seekers; neighbourhood-residents) -> mainstreamed",
        "D1 declared temporary (-3)",
        "D2 end date 2018-10-31 (-2)",
        "D3 instrument living-lab (-2)",
        "D4 funding eu (-1)"), reasons(c));
    assertNull(c.codingAgrees());
  }

  // ---- Targeting: T1-T4, each with a positive and a negative case.

  @ParameterizedTest
  @ValueSource(strings = {"youth", "all-residents", "low-income,women"})
  void t1GenericGroupsOnlyAreMainstreamed(String groups) {
    Classification c = classify(measure("m").groups(List.of(groups.split(","))));
    assertEquals(Targeting.MAINSTREAMED, c.targeting());
    assertEquals("T1", c.reasons().get(0).id());
  }

  @ParameterizedTest
  @ValueSource(strings = {"refugees", "refugees,youth", "origin:SY"})
  void t1DoesNotFireWithMigrationDefinedGroups(String groups) {
    Classification c = classify(measure("m").groups(List.of(groups.split(","))));
    assertFalse(rules(c).contains("T1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"refugees", "asylum-seekers,newcomers", "origin:SY", "origin:MA,migrants"})
  void t2MigrationDefinedGroupsOnlyAreTargetGroup(String groups) {
    Classification c = classify(measure("m").groups(List.of(groups.split(","))));
    assertEquals(Targeting.TARGET_GROUP, c.targeting());
    assertEquals("T2", c.reasons().get(0).id());
  }

  @Test
  void t2ReasonListsTheGroupsSorted() {
    Classification c = classify(measure("m").groups("refugees", "origin:SY", "asylum-seekers"));
    assertEquals("T2 migration-defined groups only (asylum-seekers; origin:SY; refugees) -> "
        + "target-group", c.reasons().get(0).toString());
  }

  @Test
  void reasonsNameEachValidGroupOnceSortedAndSkipUnknownOnes() {
    Classification c = classify(measure("m").groups("youth", "refugees", "bogus", "youth",
        "asylum-seekers", "refugees"));
    assertEquals("T3 mixed eligibility (asylum-seekers; refugees; youth) -> mainstreamed",
        c.reasons().get(0).toString());
    c = classify(measure("m").groups("youth", "bogus", "neighbourhood-residents", "youth"));
    assertEquals("T1 generic groups only (neighbourhood-residents; youth) -> mainstreamed",
        c.reasons().get(0).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"youth", "refugees,youth", "bogus"})
  void t2DoesNotFireWithoutOnlyMigrationDefinedGroups(String groups) {
    Classification c = classify(measure("m").groups(List.of(groups.split(","))));
    assertFalse(rules(c).contains("T2"));
    assertFalse(c.targeting() == Targeting.TARGET_GROUP);
  }

  @ParameterizedTest
  @EnumSource(Targeting.class)
  void t3MixedEligibilityFollowsTheCodebook(Targeting setting) {
    Classifier k = new Classifier(MeasureBuilder.withSettings(setting, Targeting.MAINSTREAMED));
    Classification c = k.classify(
        measure("m").groups("neighbourhood-residents", "asylum-seekers").build());
    assertEquals(setting, c.targeting());
    assertEquals("T3 mixed eligibility (asylum-seekers; neighbourhood-residents) -> "
        + setting.label(), c.reasons().get(0).toString());
  }

  @Test
  void t3IsMainstreamedByDefault() {
    assertEquals(Targeting.MAINSTREAMED,
        classify(measure("m").groups("refugees", "youth")).targeting());
  }

  @ParameterizedTest
  @ValueSource(strings = {"youth", "refugees", "youth,bogus"})
  void t3DoesNotFireWithOneKindOfGroup(String groups) {
    Classification c = classify(measure("m").groups(List.of(groups.split(","))));
    assertFalse(rules(c).contains("T3"));
  }

  @ParameterizedTest
  @EnumSource(value = Targeting.class, names = {"MAINSTREAMED", "TARGET_GROUP"})
  void t4ProxyTargetingFollowsTheCodebook(Targeting setting) {
    Classifier k = new Classifier(MeasureBuilder.withSettings(Targeting.MAINSTREAMED, setting));
    Classification c = k.classify(measure("m").groups("low-literacy").proxy(true).build());
    assertEquals(setting, c.targeting());
    assertEquals(List.of("T4"), rules(c).subList(0, 1));
    assertEquals("T4 generic groups only (low-literacy), proxy-targeted -> " + setting.label(),
        c.reasons().get(0).toString());
  }

  @Test
  void t4IsMainstreamedByDefault() {
    Classification c = classify(measure("m").groups("neighbourhood-residents").proxy(true));
    assertEquals(Targeting.MAINSTREAMED, c.targeting());
    assertEquals("T4", c.reasons().get(0).id());
  }

  @ParameterizedTest
  @CsvSource({"youth,false,T1", "refugees,true,T2", "refugees;youth,true,T3"})
  void t4FiresOnlyWhenT1WouldAndTheMeasureIsAProxy(String groups, boolean proxy, String rule) {
    Classifier k =
        new Classifier(MeasureBuilder.withSettings(Targeting.MAINSTREAMED, Targeting.TARGET_GROUP));
    Classification c =
        k.classify(measure("m").groups(List.of(groups.split(";"))).proxy(proxy).build());
    assertEquals(rule, c.reasons().get(0).id());
    assertFalse(rules(c).contains("T4"));
  }

  @Test
  void aUserCodebookChangesTheTargetingSettings() {
    String yaml = "codebook: mine\nextends: default\nsettings:\n  mixed_eligibility: target-group\n";
    CodebookLoader loader = new CodebookLoader(Limits.DEFAULT);
    Codebook book = loader.parse("mine.yaml", yaml.getBytes(StandardCharsets.UTF_8),
        loader.defaults()).codebook();
    Classification c =
        new Classifier(book).classify(measure("m").groups("refugees", "youth").build());
    assertEquals(Targeting.TARGET_GROUP, c.targeting());
  }

  @ParameterizedTest
  @ValueSource(strings = {"bogus", "origin:XX", "origin:sy", "bogus,origin:ZZ"})
  void unknownGroupsLeaveTargetingUnclassified(String groups) {
    Classification c = classify(measure("m").groups(List.of(groups.split(","))));
    assertEquals(Targeting.UNCLASSIFIED, c.targeting());
    assertEquals(Quadrant.UNCLASSIFIED, c.quadrant());
    assertEquals("T unclassified: no valid target groups", c.reasons().get(0).toString());
  }

  @Test
  void unknownGroupsBesideKnownOnesAreIgnored() {
    Classification c = classify(measure("m").groups("bogus", "youth"));
    assertEquals("T1 generic groups only (youth) -> mainstreamed", c.reasons().get(0).toString());
  }

  // ---- Duration: D1-D4, each with a positive and a negative case.

  @ParameterizedTest
  @CsvSource({"structural,3,D1 declared structural (3)", "temporary,-3,D1 declared temporary (-3)"})
  void d1DeclaredDuration(String declared, double score, String reason) {
    Classification c = classify(measure("m").declared(declared));
    assertEquals(score, c.durationScore());
    assertTrue(reasons(c).contains(reason), reasons(c)::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "permanent", "Structural"})
  void d1IgnoresAnythingElse(String declared) {
    Classification c = classify(measure("m").declared(declared.isEmpty() ? null : declared));
    assertFalse(rules(c).contains("D1"));
    assertEquals(0.0, c.durationScore());
  }

  @ParameterizedTest
  @CsvSource({
    "2018-10, -2, D2 end date 2018-10-31 (-2)",
    "2018, -2, D2 end date 2018-12-31 (-2)",
    "2018-02-14, -2, D2 end date 2018-02-14 (-2)",
    "open, 2, D2 end open (2)"
  })
  void d2EndDateOrOpen(String end, double score, String reason) {
    MeasureBuilder b = measure("m").start("2016");
    Classification c = classify(end.equals("open") ? b.open() : b.end(end));
    assertEquals(score, c.durationScore());
    assertEquals(reason, c.reasons().get(1).toString());
  }

  @Test
  void d2NeedsAnEnd() {
    Classification c = classify(measure("m").start("2016-11"));
    assertFalse(rules(c).contains("D2"));
    assertEquals(Duration.UNCLASSIFIED, c.duration());
  }

  @ParameterizedTest
  @CsvSource({
    "framework,2", "regular-service,2", "regulation,2", "facility,1", "programme,0",
    "subsidy-scheme,0", "covenant,0", "project,-1", "campaign,-1", "pilot,-2", "living-lab,-2"
  })
  void d3InstrumentWeights(String instrument, double weight) {
    Classification c = classify(measure("m").instrument(instrument));
    assertEquals(weight, c.durationScore());
    assertEquals("D3 instrument " + instrument + " (" + Reason.format(weight) + ")",
        c.reasons().get(1).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "experiment", "Pilot"})
  void d3IgnoresUnknownInstruments(String instrument) {
    Classification c = classify(measure("m").instrument(instrument.isEmpty() ? null : instrument));
    assertFalse(rules(c).contains("D3"));
  }

  @ParameterizedTest
  @CsvSource({
    "municipal-regular,2", "national-regular,1", "private,0", "housing-association,0",
    "other,0", "municipal-incidental,-1", "eu,-1", "national-incidental,-2"
  })
  void d4SingleSourceLean(String source, double lean) {
    Classification c = classify(measure("m").fund(source, 1000));
    assertEquals(lean, c.durationScore());
    assertEquals("D4 funding " + source + " (" + Reason.format(lean) + ")",
        c.reasons().get(1).toString());
  }

  @Test
  void d4WeightsByAmountWhenEveryEntryHasOne() {
    Classification c = classify(measure("m").fund("eu", 5000).fund("municipal-regular", 1000));
    assertEquals(-0.5, c.durationScore());
    assertEquals("D4 funding eu, municipal-regular, amount-weighted (-0.5)",
        c.reasons().get(1).toString());
  }

  @Test
  void d4IsUnweightedWhenAnEntryHasNoAmount() {
    Classification c = classify(measure("m").fund("eu", 5000).fund("municipal-regular"));
    assertEquals(0.5, c.durationScore());
    assertEquals("D4 funding eu, municipal-regular, unweighted (0.5)",
        c.reasons().get(1).toString());
  }

  @Test
  void d4IsUnweightedWhenTheAmountsSumToZero() {
    Classification c = classify(measure("m").fund("eu", 0).fund("municipal-regular", 0));
    assertEquals(0.5, c.durationScore());
  }

  @Test
  void d4AZeroAmountBesideOthersWeighsNothing() {
    Classification c = classify(measure("m").fund("eu", 0).fund("municipal-regular", 10));
    assertEquals(2.0, c.durationScore());
  }

  @Test
  void d4CountsRepeatedSources() {
    Classification c = classify(measure("m").fund("eu").fund("municipal-regular").fund("eu"));
    assertEquals("D4 funding eu x2, municipal-regular, unweighted (0)", c.reasons().get(1).toString());
  }

  @Test
  void d4IgnoresUnknownSourcesAndNegativeAmountsDisableWeighting() {
    // The unknown source has no amount but does not stop weighting; it is not an entry at all.
    Classification c = classify(measure("m").fund("eu", 3).fund("bogus").fund("national-regular", 1));
    assertEquals(-0.5, c.durationScore());
    Classification negative = classify(measure("m").fund("eu", -3).fund("national-regular", 1));
    assertEquals(0.0, negative.durationScore());
    assertTrue(reasons(negative).contains("D4 funding eu, national-regular, unweighted (0)"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "bogus", "bogus,also-bogus"})
  void d4NeedsAKnownSource(String sources) {
    MeasureBuilder b = measure("m");
    for (String s : sources.split(",")) {
      if (!s.isEmpty()) {
        b.fund(s, 100);
      }
    }
    Classification c = classify(b);
    assertFalse(rules(c).contains("D4"));
    assertEquals(List.of("T1", "D"), rules(c));
  }

  // ---- Score, rounding and confidence.

  @ParameterizedTest
  @CsvSource({
    // an unweighted average of 1/3, 2/3, -2/3 and 4/3
    "national-regular;other;other, 0.333, structural",
    "national-regular;national-regular;other, 0.667, structural",
    "eu;eu;other, -0.667, temporary",
    "municipal-regular;municipal-regular;other, 1.333, structural"
  })
  void d4AveragesRoundHalfUpAtThreeDecimals(String sources, double score, String duration) {
    MeasureBuilder b = measure("m");
    for (String s : sources.split(";")) {
      b.fund(s);
    }
    Classification c = classify(b);
    assertEquals(score, c.durationScore());
    assertEquals(duration, c.duration().label());
    assertTrue(c.reasons().get(1).toString().endsWith("(" + Reason.format(score) + ")"));
    assertEquals(1.0, c.confidence());
  }

  @ParameterizedTest
  @CsvSource({
    // lean 1 on 1 euro of 2000: exactly 0.0005, which rounds half up (away from 0)
    "national-regular, 0.001, structural",
    "eu, -0.001, temporary",
  })
  void halfAThousandthRoundsAwayFromZero(String source, double score, String duration) {
    Classification c = classify(measure("m").fund(source, 1).fund("other", 1999));
    assertEquals(score, c.durationScore());
    assertEquals(duration, c.duration().label());
    // |S| rounds up past the evidence itself; all of it points one way, so confidence is 1.
    assertEquals(1.0, c.confidence());
  }

  @Test
  void rulesAreSummedBeforeTheyAreRounded() {
    // -1 + 1.0005: in doubles 0.000499999..., in decimals exactly 0.0005 -> 0.001.
    Classification c = classify(measure("m").instrument("project")
        .fund("national-regular", 1999).fund("municipal-regular", 1));
    assertEquals(0.001, c.durationScore());
    assertEquals(Duration.STRUCTURAL, c.duration());
    assertEquals(0.0, c.confidence()); // 0.0005 / 2.0005
  }

  @Test
  void justUnderHalfAThousandthIsZero() {
    Classification c = classify(measure("m").fund("national-regular", 49).fund("other", 99_951));
    assertEquals(0.0, c.durationScore());
    assertEquals(Duration.UNCLASSIFIED, c.duration());
    assertEquals("D unclassified: evidence is balanced", c.reasons().get(2).toString());
    assertEquals(0.0, c.confidence());
  }

  @Test
  void confidenceIsTheShareOfEvidencePointingTheWinningWay() {
    Classification c = classify(measure("m").declared("structural").instrument("framework")
        .start("2010").end("2030"));
    assertEquals(3.0, c.durationScore());
    assertEquals(0.429, c.confidence()); // 3 / 7
  }

  @Test
  void balancedEvidenceIsUnclassified() {
    Classification c = classify(measure("m").instrument("framework").end("2020"));
    assertEquals(Duration.UNCLASSIFIED, c.duration());
    assertEquals(0.0, c.confidence());
    assertEquals("D unclassified: evidence is balanced", c.reasons().get(3).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "programme", "covenant"})
  void noLeaningEvidenceIsNoEvidence(String instrument) {
    Classification c = classify(measure("m").instrument(instrument.isEmpty() ? null : instrument)
        .fund("private"));
    assertEquals(Duration.UNCLASSIFIED, c.duration());
    assertEquals(0.0, c.confidence());
    assertEquals("D unclassified: no duration evidence",
        c.reasons().get(c.reasons().size() - 1).toString());
  }

  // ---- The human coding.

  static Stream<Arguments> codings() {
    return Stream.of(
        Arguments.of(null, null, null),
        Arguments.of(Targeting.MAINSTREAMED, Duration.TEMPORARY, true),
        Arguments.of(Targeting.MAINSTREAMED, null, true),
        Arguments.of(null, Duration.TEMPORARY, true),
        Arguments.of(Targeting.TARGET_GROUP, Duration.TEMPORARY, false),
        Arguments.of(Targeting.MAINSTREAMED, Duration.STRUCTURAL, false),
        Arguments.of(null, Duration.STRUCTURAL, false));
  }

  @ParameterizedTest
  @MethodSource("codings")
  void codingAgreesOnEveryCodedAxis(Targeting t, Duration d, Boolean agrees) {
    Classification c = classify(measure("m").groups("youth").declared("temporary").coded(t, d));
    assertEquals(agrees, c.codingAgrees());
  }

  @Test
  void noCodingMeansNoAgreement() {
    assertNull(classify(measure("m")).codingAgrees());
  }

  @Test
  void anUnclassifiedRuleLabelDisagreesWithACode() {
    Classification c = classify(measure("m").coded(null, Duration.STRUCTURAL));
    assertEquals(Duration.UNCLASSIFIED, c.duration());
    assertEquals(Boolean.FALSE, c.codingAgrees());
  }

  @Test
  void theCodingNeverChangesTheRules() {
    Measure plain = measure("m").declared("temporary").build();
    Measure coded = measure("m").declared("temporary")
        .coded(Targeting.TARGET_GROUP, Duration.STRUCTURAL).build();
    Classification a = classifier.classify(plain);
    Classification b = classifier.classify(coded);
    assertEquals(a.duration(), b.duration());
    assertEquals(a.targeting(), b.targeting());
    assertEquals(a.reasons(), b.reasons());
  }

  // ---- Number formatting.

  @ParameterizedTest
  @CsvSource({
    "2, 2", "-2, -2", "-0.5, -0.5", "1.3333333, 1.333", "0.6666666, 0.667", "-0.0, 0",
    "0.0005, 0.001", "-0.0005, -0.001", "0.00049, 0", "10000000, 10000000", "1.10, 1.1"
  })
  void numbersHaveNoTrailingZeros(double value, String text) {
    assertEquals(text, Reason.format(value));
  }

  @Test
  void targetingReasonsShowNoContribution() {
    assertEquals("T1 x", new Reason(Rule.T1, "x", 0).toString());
    assertEquals("D3 x (0)", new Reason(Rule.D3, "x", 0).toString());
    assertTrue(new Reason(Rule.D4, "x", 1).isEvidence());
    assertFalse(new Reason(Rule.D, "x", 0).isEvidence());
  }

  @Test
  void d4OfOneEntryIsItsLeanAsTheDivisionRoundsIt() {
    // leans of 17 significant digits, which the exact mean rounds to 16 (MathContext.DECIMAL64)
    double[] leans = {0.1 + 0.2, -(0.1 + 0.7), 1.0 / 3, 2.0 / 3, 1e-20 / 3, 1.5, -2};
    Codebook d = MeasureBuilder.defaults();
    for (double lean : leans) {
      List<Codebook.WeightedTerm> sources = List.of(new Codebook.WeightedTerm("s", lean, "s"),
          new Codebook.WeightedTerm("t", 1, "t"));
      Codebook book = new Codebook(d.name(), d.domains(), d.groups(), d.instruments(), sources,
          d.contactPartners(), d.weights(), d.mixedEligibility(), d.proxyTargeting());
      Classifier classifier = new Classifier(book);
      double expected = java.math.BigDecimal.valueOf(lean)
          .divide(java.math.BigDecimal.ONE, java.math.MathContext.DECIMAL64).doubleValue();
      for (MeasureBuilder m : List.of(measure("m").fund("s"), measure("m").fund("s", 1234.5),
          measure("m").fund("s", 0))) {
        Reason d4 = classifier.classify(m.build()).reasons().stream()
            .filter(r -> r.rule() == Rule.D4).findFirst().orElseThrow();
        assertEquals(expected, d4.contribution(), lean + " " + d4);
      }
      // two entries of the same lean: the same mean, by division
      Reason two = classifier.classify(measure("m").fund("s", 3).fund("s", 7).build())
          .reasons().stream().filter(r -> r.rule() == Rule.D4).findFirst().orElseThrow();
      assertEquals(expected, two.contribution(), lean + " " + two);
    }
  }
}
