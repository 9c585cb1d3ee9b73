package org.polcomp.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polcomp.classify.MeasureBuilder.measure;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polcomp.classify.MeasureBuilder;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.diagnostic.SourceLocation;
import org.polcomp.load.Limits;
import org.polcomp.load.PolicyBinder;
import org.polcomp.load.YamlReader;
import org.polcomp.model.Dataset;
import org.polcomp.model.Lineage;
import org.polcomp.model.LineageEntry;
import org.polcomp.model.Duration;
import org.polcomp.model.Locations;
import org.polcomp.model.Measure;
import org.polcomp.model.Municipality;
import org.polcomp.model.PartialDate;
import org.polcomp.model.Targeting;

class AggregatorTest {
  private final Aggregator aggregator = new Aggregator(MeasureBuilder.defaults());

  private static final AggregateOptions PLAIN = AggregateOptions.defaults();

  private static Municipality municipality(String id, MeasureBuilder... measures) {
    return typed(id, null, measures);
  }

  private static Municipality typed(String id, String type, MeasureBuilder... measures) {
    List<Measure> ms = new ArrayList<>();
    for (MeasureBuilder b : measures) {
      ms.add(b.at(id + ".yaml", ms.size() + 1).build());
    }
    return new Municipality(id, "Name of " + id, "NL", null, 1000L, type,
        PartialDate.parse("2020-01").orElseThrow(), ms, Map.of(), id + ".yaml", 1,
        Locations.of(SourceLocation.ofFile(id + ".yaml")));
  }

  private static Dataset dataset(Municipality... ms) {
    return new Dataset(List.of(ms), List.of());
  }

  private Comparison compare(AggregateOptions options, Municipality... ms) {
    return aggregator.aggregate(dataset(ms), options);
  }

  /** The rows of the measures table: the active measures in table order. */
  private List<ClassifiedMeasure> active(AggregateOptions options, Municipality... ms) {
    Dataset data = dataset(ms);
    return Aggregator.active(data, aggregator.classify(data), options.asOf());
  }

  private MeasureBuilder ms() { // mainstreamed, structural
    return measure("ms" + counter()).groups("youth").declared("structural");
  }

  private MeasureBuilder mt() {
    return measure("mt" + counter()).groups("youth").declared("temporary");
  }

  private MeasureBuilder ts() {
    return measure("ts" + counter()).groups("refugees").declared("structural");
  }

  private MeasureBuilder tt() {
    return measure("tt" + counter()).groups("refugees").declared("temporary");
  }

  /** Measure ids unique within a test (JUnit makes a new instance per test). */
  private int next;

  private int counter() {
    return next++;
  }

  // ---- Counts, shares and the profile.

  @Test
  void countsAndShares() {
    MunicipalityRow r = compare(PLAIN, municipality("GM1", ms(), ms(), mt(), tt(),
        measure("u1").groups("youth"), measure("u2").groups("bogus").declared("temporary")))
        .municipalities().get(0);
    assertEquals(6L, r.measures());
    assertEquals(4L, r.mainstreamed());
    assertEquals(1L, r.targetGroup());
    assertEquals(1L, r.unclassifiedTargeting());
    assertEquals(2L, r.structural());
    assertEquals(3L, r.temporary());
    assertEquals(1L, r.unclassifiedDuration());
    assertEquals(2L, r.mainstreamedStructural());
    assertEquals(1L, r.mainstreamedTemporary());
    assertEquals(0L, r.targetGroupStructural());
    assertEquals(1L, r.targetGroupTemporary());
    assertEquals(0.8, r.mainstreamingShare());
    assertEquals(0.4, r.structuralShare());
    assertEquals("mainstreamed-temporary", r.profile());
  }

  @Test
  void sharesAreNullWithoutADenominator() {
    MunicipalityRow r = compare(PLAIN, municipality("GM1", measure("u").groups("youth")))
        .municipalities().get(0);
    assertEquals(1.0, r.mainstreamingShare());
    assertNull(r.structuralShare());
    assertEquals("mainstreamed-unclassified", r.profile());
    MunicipalityRow empty = compare(PLAIN, municipality("GM2")).municipalities().get(0);
    assertEquals(0L, empty.measures());
    assertNull(empty.mainstreamingShare());
    assertNull(empty.mainstreamingShareBudget());
    assertEquals("unclassified-unclassified", empty.profile());
    assertNull(empty.budgetEur(), "no measure states an amount: nothing is known of the money");
  }

  @ParameterizedTest
  @CsvSource({
    "1, 1, 1, 1, balanced-balanced",
    "2, 1, 1, 2, mainstreamed-temporary",
    "1, 2, 3, 0, target-group-structural",
    "3, 3, 0, 1, balanced-temporary"
  })
  void profileIsBalancedAtExactlyHalf(int m, int t, int s, int temp, String profile) {
    // m mainstreamed and t target-group measures without duration evidence, then s structural
    // and temp temporary ones without valid groups.
    List<MeasureBuilder> bs = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      bs.add(measure("m" + i).groups("youth"));
    }
    for (int i = 0; i < t; i++) {
      bs.add(measure("t" + i).groups("refugees"));
    }
    for (int i = 0; i < s; i++) {
      bs.add(measure("s" + i).groups("bogus").declared("structural"));
    }
    for (int i = 0; i < temp; i++) {
      bs.add(measure("d" + i).groups("bogus").declared("temporary"));
    }
    MunicipalityRow r = compare(PLAIN, municipality("GM1", bs.toArray(MeasureBuilder[]::new)))
        .municipalities().get(0);
    assertEquals(profile, r.profile());
  }

  // ---- Budgets.

  @Test
  void budgetWeightedShares() {
    MunicipalityRow r = compare(PLAIN, municipality("GM1",
        ms().fund("municipal-regular", 300).fund("national-regular", 100),
        tt().fund("eu", 600),
        mt(), // no amounts: budget 0, still counted in the plain shares
        measure("u").groups("bogus").fund("other", 50)))
        .municipalities().get(0);
    assertEquals(1050.0, r.budgetEur());
    assertEquals(0.4, r.mainstreamingShareBudget());
    assertEquals(0.4, r.structuralShareBudget());
    assertEquals(2.0 / 3, r.mainstreamingShare());
    assertEquals(1.0 / 3, r.structuralShare());
  }

  @Test
  void budgetSharesAreNullWhenTheClassifiedMeasuresHaveNoBudget() {
    MunicipalityRow r = compare(PLAIN, municipality("GM1", ms(), tt(),
        measure("u").groups("bogus").fund("other", 50))).municipalities().get(0);
    assertEquals(50.0, r.budgetEur());
    assertNull(r.mainstreamingShareBudget());
    assertNull(r.structuralShareBudget());
  }

  @Test
  void budgetsAreExactDecimals() {
    MunicipalityRow r = compare(PLAIN, municipality("GM1",
        ms().fund("other", 0.1), ms().fund("other", 0.2))).municipalities().get(0);
    assertEquals(0.3, r.budgetEur());
  }

  // ---- --as-of.

  @ParameterizedTest
  @CsvSource({
    "2016-11, 2018-10, 2018-10-31, true",
    "2016-11, 2018-10, 2018-11-01, false",
    "2016-11, 2018-10, 2016-11-01, true",
    "2016-11, 2018-10, 2016-10-31, false",
    "2016, 2018, 2018-12-31, true",
    "2016, 2018, 2019-01-01, false",
    "2016-11-15, 2016-11-15, 2016-11-15, true",
    "2016-11-15, 2016-11-15, 2016-11-14, false",
    "2016, open, 2099-01-01, true",
    "2016, , 2099-01-01, true",
    ", 2018, 1900-01-01, true",
    "2030, open, 2029-12-31, false"
  })
  void asOfUsesTheFirstDayOfStartsAndTheLastDayOfEnds(
      String start, String end, String asOf, boolean active) {
    MeasureBuilder b = ms();
    if (start != null) {
      b.start(start);
    }
    if ("open".equals(end)) {
      b.open();
    } else if (end != null) {
      b.end(end);
    }
    Comparison c =
        compare(new AggregateOptions(LocalDate.parse(asOf), false, null), municipality("GM1", b));
    assertEquals(active ? 1L : 0L, c.municipalities().get(0).measures());
    assertEquals(active ? 1L : 0L, c.measures());
    assertEquals(active ? 1 : 0, active(new AggregateOptions(LocalDate.parse(asOf), false, null),
        municipality("GM1", b)).size());
  }

  @Test
  void asOfFiltersEveryTableButTheTimeline() {
    Comparison c = compare(new AggregateOptions(LocalDate.parse("2018-11-01"), false, null),
        municipality("GM1",
            ms().start("2016").end("2018-10").domain("housing")
                .coded(Targeting.MAINSTREAMED, Duration.STRUCTURAL),
            tt().start("2017").open().domain("work")),
        municipality("GM2", mt().start("2019")));
    assertEquals(1L, c.measures());
    assertEquals(List.of(1L, 0L),
        c.municipalities().stream().map(MunicipalityRow::measures).toList());
    assertEquals(List.of("work"), c.domains().stream().map(DomainRow::domain).toList());
    assertEquals(1L, c.typology().get(0).measures());
    assertEquals(2L, c.typology().get(0).municipalities());
    assertEquals(0L, c.agreement().get(0).coded());
    // The timeline runs 2016..2018 and still shows the ended measure.
    TimelineRow gm1y2016 = c.timeline().get(0);
    assertEquals(2016L, gm1y2016.year());
    assertEquals(1L, gm1y2016.active());
    assertEquals(2018L, c.timeline().get(c.timeline().size() - 1).year());
  }

  // ---- Contact and experiments.

  @Test
  void contactCounts() {
    MunicipalityRow r = compare(PLAIN, municipality("GM1",
        ms().contact("neighbours", "earlier-migrants"), ms().contact("locals"), ms(),
        mt().contact("earlier-migrants"))).municipalities().get(0);
    assertEquals(3L, r.contactMeasures());
    assertEquals(2L, r.contactWithEarlierMigrants());
  }

  @Test
  void experimentsAndUpscaling() {
    MunicipalityRow r = compare(PLAIN, municipality("GM1",
        measure("lab").instrument("living-lab").successor("service"),
        measure("service").instrument("regular-service"),            // structural: upscaled
        measure("pilot1").instrument("pilot").status("upscaled"),     // upscaled by status
        measure("pilot2").instrument("pilot").successor("project2"),  // successor temporary
        measure("project2").instrument("project"),
        measure("pilot3").instrument("pilot").status("ended"),
        measure("project3").instrument("project").status("upscaled")  // not an experiment
    )).municipalities().get(0);
    assertEquals(4L, r.experiments());
    assertEquals(2L, r.experimentsUpscaled());
  }

  @Test
  void aSuccessorOutsideTheAsOfDateStillCounts() {
    AggregateOptions asOf = new AggregateOptions(LocalDate.parse("2018-06-01"), false, null);
    MunicipalityRow r = compare(asOf, municipality("GM1",
        measure("lab").instrument("living-lab").start("2017").end("2018").successor("service"),
        measure("service").instrument("regular-service").start("2019").open()))
        .municipalities().get(0);
    assertEquals(1L, r.experiments());
    assertEquals(1L, r.experimentsUpscaled());
  }

  @Test
  void upscalingFollowsTheCodedSuccessorWithPreferCoded() {
    Municipality gm = municipality("GM1",
        measure("lab").instrument("living-lab").successor("next"),
        measure("next").instrument("project").coded(null, Duration.STRUCTURAL));
    assertEquals(0L, compare(PLAIN, gm).municipalities().get(0).experimentsUpscaled());
    assertEquals(1L, compare(new AggregateOptions(null, true, null), gm)
        .municipalities().get(0).experimentsUpscaled());
  }

  @Test
  void experimentsFollowTheirChainToTheFirstStructuralMeasure() {
    Comparison c = compare(PLAIN, municipality("GM1",
        measure("lab").instrument("living-lab").start("2016-03").successor("project"),
        measure("project").instrument("project").start("2018").successor("service"),
        measure("service").instrument("regular-service").start("2021-09").successor("later"),
        measure("later").instrument("regular-service").start("2023"),
        measure("pilot").instrument("pilot").start("2019").successor("gone"),
        measure("alone").instrument("pilot").status("ended")));
    List<ExperimentRow> rows = c.experiments();
    assertEquals(List.of("lab", "pilot", "alone"),
        rows.stream().map(ExperimentRow::measureId).toList());
    ExperimentRow lab = rows.get(0);
    assertEquals("project; service; later", lab.successors());
    assertEquals("later", lab.finalMeasure());
    assertEquals("structural", lab.finalDuration());
    // 2016 to 2021: the first structural measure of the chain, not the last
    assertEquals(5L, lab.yearsToStructural());
    assertEquals(false, lab.upscaled()); // its direct successor is temporary
    ExperimentRow pilot = rows.get(1);
    assertEquals("gone", pilot.successors());
    assertEquals("gone", pilot.finalMeasure());
    assertNull(pilot.finalDuration()); // not a measure of the municipality
    assertNull(pilot.yearsToStructural());
    ExperimentRow alone = rows.get(2);
    assertNull(alone.successors());
    assertEquals("alone", alone.finalMeasure());
    assertEquals("temporary", alone.finalDuration());
    assertEquals(c.municipalities().get(0).experiments(), (long) rows.size());
  }

  @Test
  void aCycleOfSuccessorsEndsTheChain() {
    List<ExperimentRow> rows = compare(PLAIN, municipality("GM1",
        measure("a").instrument("pilot").successor("b"),
        measure("b").instrument("project").successor("c"),
        measure("c").instrument("pilot").successor("b"))).experiments();
    assertEquals(List.of("b; c", "b"), rows.stream().map(ExperimentRow::successors).toList());
    assertEquals(List.of("c", "b"), rows.stream().map(ExperimentRow::finalMeasure).toList());
    ExperimentRow self = compare(PLAIN, municipality("GM2",
        measure("x").instrument("pilot").successor("x"))).experiments().get(0);
    assertNull(self.successors());
    assertEquals("x", self.finalMeasure());
  }

  @Test
  void experimentsOfMergedMunicipalitiesKeepTheirOwnIds() {
    Lineage lineage = Lineage.of(List.of(
        new LineageEntry("GM1", "Old", null, LocalDate.parse("2021-12-31"), "GM2", "test"),
        new LineageEntry("GM2", "New", LocalDate.parse("2022-01-01"), null, null, "test")));
    AggregateOptions on2024 = new AggregateOptions(null, false, null, null,
        LocalDate.parse("2024-01-01"), lineage);
    Comparison c = compare(on2024, municipality("GM1", measure("p").instrument("pilot"), ms()),
        municipality("GM3", tt()));
    assertEquals(List.of("GM2", "GM3"),
        c.municipalities().stream().map(MunicipalityRow::municipalityId).toList());
    assertEquals("New", c.municipalities().get(0).municipality());
    assertEquals(2L, c.municipalities().get(0).measures());
    assertNull(c.municipalities().get(0).population());
    assertEquals("GM1", c.experiments().get(0).municipalityId());
    assertEquals(List.of(new LineageRow("GM1", "Name of GM1", "GM2", "New", "2022-01-01"),
        new LineageRow("GM3", "Name of GM3", "GM3", "Name of GM3", null)), c.lineage());
  }

  @Test
  void panelRowsAreEveryYearOfTheRange() {
    AggregateOptions years = new AggregateOptions(null, false, null, new YearRange(2018, 2021),
        null, null);
    Comparison c = compare(years, municipality("GM1",
        ms().start("2019-06").end("2019-07").fund("municipal", 1000),
        tt().start("2020").fund("municipal", 250.5), tt().end("2019-01")));
    assertEquals(List.of(2018L, 2019L, 2020L, 2021L),
        c.panel().stream().map(PanelRow::year).toList());
    assertEquals(List.of(1L, 2L, 1L, 1L), c.panel().stream().map(PanelRow::measures).toList());
    assertEquals(Arrays.asList(null, 1000.0, 250.5, 250.5),
        c.panel().stream().map(PanelRow::budgetEur).toList());
    assertEquals(List.of("target-group-temporary", "balanced-balanced", "target-group-temporary",
        "target-group-temporary"), c.panel().stream().map(PanelRow::profile).toList());
    assertNull(compare(PLAIN, municipality("GM1", ms())).panel());
    assertThrows(IllegalArgumentException.class, () -> new YearRange(2020, 2019));
    assertThrows(IllegalArgumentException.class, () -> YearRange.parse("1799..1800"));
    assertEquals(new YearRange(2015, 2024), YearRange.parse(" 2015..2024 "));
  }

  // ---- --prefer-coded.

  @Test
  void preferCodedUsesTheHumanLabelInAggregatesOnly() {
    Municipality gm = municipality("GM1",
        mt().coded(Targeting.TARGET_GROUP, Duration.STRUCTURAL).domain("housing"),
        mt().coded(null, Duration.STRUCTURAL).domain("housing"),
        mt().domain("housing"));
    Comparison rules = compare(PLAIN, gm);
    Comparison coded = compare(new AggregateOptions(null, true, null), gm);

    MunicipalityRow r = rules.municipalities().get(0);
    assertEquals(List.of(3L, 0L, 0L, 3L), List.of(r.mainstreamed(), r.targetGroup(),
        r.structural(), r.temporary()));
    MunicipalityRow c = coded.municipalities().get(0);
    assertEquals(List.of(2L, 1L, 2L, 1L), List.of(c.mainstreamed(), c.targetGroup(),
        c.structural(), c.temporary()));
    assertEquals(1L, c.targetGroupStructural());
    assertEquals(1L, c.mainstreamedStructural());
    assertEquals("mainstreamed-structural", c.profile());
    DomainRow d = coded.domains().get(0);
    assertEquals(List.of(2L, 1L, 2L, 1L),
        List.of(d.mainstreamed(), d.targetGroup(), d.structural(), d.temporary()));
    assertEquals(1L, coded.typology().get(0).targetGroupStructural());
    // The measures table and the agreement keep comparing the rules with the coders.
    assertEquals(Targeting.MAINSTREAMED,
        active(new AggregateOptions(null, true, null), gm).get(0).classification().targeting());
    assertEquals(rules.agreement(), coded.agreement());
    assertEquals(0L, coded.agreement().get(1).agreements());
    assertEquals(2L, coded.agreement().get(1).coded());
  }

  // ---- Order and the other tables.

  @Test
  void municipalitiesByIdMeasuresByFileDocumentAndPlace() {
    Municipality second = new Municipality("GM0", "Zero", null, null, null, null, null,
        List.of(ms().at("a.yaml", 30).build()), Map.of(), "a.yaml", 2,
        Locations.of(SourceLocation.ofFile("a.yaml")));
    Municipality first = new Municipality("GM9", "Nine", null, null, null, null, null,
        List.of(ms().at("a.yaml", 8).build(), tt().at("a.yaml", 4).build()), Map.of(), "a.yaml",
        1, Locations.of(SourceLocation.ofFile("a.yaml")));
    Comparison c = compare(PLAIN, municipality("GM5", mt()), second, first);
    assertEquals(List.of("GM0", "GM5", "GM9"),
        c.municipalities().stream().map(MunicipalityRow::municipalityId).toList());
    assertEquals(List.of("GM5.yaml:1", "a.yaml:8", "a.yaml:4", "a.yaml:30"),
        active(PLAIN, municipality("GM5", mt()), second, first).stream()
            .map(m -> m.municipality().file() + ":" + m.measure().line())
            .toList());
  }

  @Test
  void domainsInCodebookOrderUnknownLast() {
    Comparison c = compare(PLAIN,
        municipality("GM2", ms().domain("work")),
        municipality("GM1", ms().domain("housing"), tt().domain("bogus"), mt().domain("work"),
            tt().domain("civic-integration"), ms().domain("housing")));
    List<String> got = c.domains().stream().map(d -> d.municipalityId() + "/" + d.domain()).toList();
    assertEquals(List.of("GM1/civic-integration", "GM1/work", "GM1/housing", "GM1/bogus",
        "GM2/work"), got);
    DomainRow housing = c.domains().get(2);
    assertEquals(2L, housing.measures());
    assertEquals(1.0, housing.mainstreamingShare());
    assertEquals(1.0, housing.structuralShare());
    assertEquals(0.0, c.domains().get(3).mainstreamingShare());
  }

  @Test
  void typologyAllFirstThenGroupsSortedAndNoneLast() {
    Comparison c = compare(new AggregateOptions(null, false, "type"),
        typed("GM1", "suburb", ms(), tt()),
        typed("GM2", null, mt(), measure("u").groups("youth")),
        typed("GM3", "large-city", ts()),
        typed("GM4", "suburb", ms()));
    List<String> groups = c.typology().stream().map(TypologyRow::group).toList();
    assertEquals(List.of("all", "large-city", "suburb", "(none)"), groups);
    TypologyRow all = c.typology().get(0);
    assertNull(all.groupBy());
    assertEquals(List.of(4L, 6L, 2L, 1L, 1L, 1L, 1L), List.of(all.municipalities(), all.measures(),
        all.mainstreamedStructural(), all.mainstreamedTemporary(), all.targetGroupStructural(),
        all.targetGroupTemporary(), all.unclassified()));
    assertEquals(4.0 / 6, all.mainstreamingShare());
    assertEquals(0.6, all.structuralShare());
    TypologyRow suburb = c.typology().get(2);
    assertEquals("type", suburb.groupBy());
    assertEquals(2L, suburb.municipalities());
    assertEquals(3L, suburb.measures());
    TypologyRow none = c.typology().get(3);
    assertEquals(1L, none.municipalities());
    assertEquals(1L, none.unclassified());
    assertEquals(1.0, none.mainstreamingShare());
    assertEquals(0.0, none.structuralShare());
  }

  @Test
  void typologyByProfileAndWithoutGroupBy() {
    Municipality a = municipality("GM1", ms());
    Municipality b = municipality("GM2", tt());
    Municipality d = municipality("GM3", ts());
    assertEquals(List.of("all", "mainstreamed-structural", "target-group-structural",
        "target-group-temporary"),
        compare(new AggregateOptions(null, false, "profile"), a, b, d).typology().stream()
            .map(TypologyRow::group).toList());
    assertEquals(1, compare(PLAIN, a, b, d).typology().size());
  }

  @Test
  void groupByMustBeKnown() {
    assertThrows(IllegalArgumentException.class, () -> new AggregateOptions(null, false, "size"));
  }

  @Test
  void timelineSpansTheDataAndCountsOpenAndMissingEnds() {
    Comparison c = compare(PLAIN,
        municipality("GM1",
            ms().start("2015-06").end("2016-01"),
            tt().start("2016").open(),
            mt().start("2017-12-31"),          // no end: runs to the last year
            ts()),                              // no start: counts from the first year
        municipality("GM2", mt().start("2018").end("2018")));
    List<String> got = c.timeline().stream()
        .map(r -> r.municipalityId() + " " + r.year() + " " + r.active() + " " + r.mainstreamed()
            + " " + r.targetGroup() + " " + r.structural() + " " + r.temporary())
        .toList();
    assertEquals(List.of(
        "GM1 2015 2 1 1 2 0",
        "GM1 2016 3 1 2 2 1",
        "GM1 2017 3 1 2 1 2",
        "GM1 2018 3 1 2 1 2",
        "GM2 2015 0 0 0 0 0",
        "GM2 2016 0 0 0 0 0",
        "GM2 2017 0 0 0 0 0",
        "GM2 2018 1 1 0 0 1"), got);
  }

  @Test
  void timelineEndsAtTheAsOfYear() {
    Comparison c = compare(new AggregateOptions(LocalDate.parse("2020-03-01"), false, null),
        municipality("GM1", ms().start("2018").open(), mt().start("2019").end("2019"),
            tt().start("2025")));
    assertEquals(List.of(2018L, 2019L, 2020L),
        c.timeline().stream().map(TimelineRow::year).toList());
    assertEquals(List.of(1L, 2L, 1L), c.timeline().stream().map(TimelineRow::active).toList());
  }

  @Test
  void timelineIsEmptyWithoutDates() {
    assertEquals(List.of(), compare(PLAIN, municipality("GM1", ms(), tt())).timeline());
    assertEquals(List.of(),
        compare(new AggregateOptions(LocalDate.parse("2010-01-01"), false, null),
            municipality("GM1", ms().start("2015"))).timeline());
  }

  @Test
  void agreementRows() {
    Comparison c = compare(PLAIN, municipality("GM1",
        ms().coded(Targeting.MAINSTREAMED, Duration.STRUCTURAL),
        tt().coded(Targeting.TARGET_GROUP, Duration.STRUCTURAL),
        ms().coded(Targeting.TARGET_GROUP, null)));
    assertEquals(List.of("targeting", "duration"),
        c.agreement().stream().map(AgreementRow::axis).toList());
    AgreementRow t = c.agreement().get(0);
    assertEquals(3L, t.coded());
    assertEquals(2L, t.agreements());
    assertEquals(2.0 / 3, t.observedAgreement(), 1e-12);
    // human M, T, T; rules M, T, M: pe = (1*2 + 2*1) / 9 = 4/9; kappa = (6 - 4) / (9 - 4) = 0.4.
    assertEquals(0.4, t.cohensKappa(), 1e-12);
    AgreementRow d = c.agreement().get(1);
    assertEquals(2L, d.coded());
    assertEquals(1L, d.agreements());
    assertEquals(0.5, d.observedAgreement());
    assertEquals(0.0, d.cohensKappa()); // human constant: pe = po
  }

  @Test
  void municipalityRowCarriesTheDocumentsFields() {
    MunicipalityRow r = compare(PLAIN, typed("GM1", "suburb", ms())).municipalities().get(0);
    assertEquals(List.of("GM1", "Name of GM1", "NL", "suburb", "2020-01", "GM1.yaml"),
        Arrays.asList(r.municipalityId(), r.municipality(), r.country(), r.type(), r.asOf(),
            r.file()));
    assertNull(r.region());
    assertEquals(1000L, r.population());
  }

  // ---- Through the loader.

  @Test
  void aDatasetReadFromYaml() {
    String yaml = """
        municipality:
          id: GM0344
          name: Utrecht
          country: NL
          population: 357179
          as_of: 2020-01-01
        policies:
          - id: plan-einstein
            title: Plan Einstein
            domain: social-cohesion
            target:
              groups: [asylum-seekers, neighbourhood-residents]
            instrument: living-lab
            period: {start: 2016-11, end: 2018-10}
            declared_duration: temporary
            funding:
              - {source: eu, amount_eur: 3400000}
            status: upscaled
            contact:
              with: [neighbours, earlier-migrants]
            coding: {targeting: mainstreamed, duration: temporary}
          - id: welcome
            title: Welcome desk
            domain: reception
            target: {groups: [refugees]}
            instrument: regular-service
            period: {start: 2019, end: open}
            funding:
              - {source: municipal-regular, amount_eur: 100000}
        """;
    List<Diagnostic> diags = new ArrayList<>();
    List<Municipality> ms = new ArrayList<>();
    for (YamlReader.Document doc : new YamlReader(Limits.DEFAULT)
        .read("policies/utrecht.yaml", yaml.getBytes(StandardCharsets.UTF_8), diags::add)) {
      ms.add(new PolicyBinder(diags::add).bind("policies/utrecht.yaml", doc.index(), doc.root()));
    }
    assertEquals(List.of(), diags);
    Dataset data = dataset(ms.toArray(Municipality[]::new));

    Comparison all = aggregator.aggregate(data, PLAIN);
    MunicipalityRow r = all.municipalities().get(0);
    assertEquals("2020-01-01", r.asOf());
    assertEquals(357179L, r.population());
    assertEquals("policies/utrecht.yaml", r.file());
    assertEquals(List.of(1L, 1L, 1L, 1L), List.of(r.mainstreamedTemporary(),
        r.targetGroupStructural(), r.experiments(), r.experimentsUpscaled()));
    assertEquals(0.5, r.mainstreamingShare());
    assertEquals("balanced-balanced", r.profile());
    assertEquals(3_500_000.0, r.budgetEur());
    assertEquals(3.4 / 3.5, r.mainstreamingShareBudget(), 1e-15);
    assertEquals(1L, r.contactWithEarlierMigrants());
    List<ClassifiedMeasure> measures = Aggregator.active(data, aggregator.classify(data), null);
    assertEquals(-8.0, measures.get(0).classification().durationScore());
    assertTrue(measures.get(0).classification().codingAgrees());
    assertEquals((long) measures.size(), all.measures());

    Comparison later =
        aggregator.aggregate(data, new AggregateOptions(LocalDate.parse("2019-06-01"), false, null));
    assertEquals(List.of("welcome"),
        Aggregator.active(data, aggregator.classify(data), LocalDate.parse("2019-06-01")).stream()
            .map(m -> m.measure().id()).toList());
    assertEquals(1L, later.measures());
    assertEquals("target-group-structural", later.municipalities().get(0).profile());
    assertEquals(List.of(2016L, 2017L, 2018L, 2019L), later.timeline().stream()
        .map(TimelineRow::year).toList());
  }
}
