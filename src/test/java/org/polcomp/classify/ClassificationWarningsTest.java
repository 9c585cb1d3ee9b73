package org.polcomp.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polcomp.classify.MeasureBuilder.measure;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.diagnostic.SourceLocation;
import org.polcomp.model.Duration;
import org.polcomp.model.Measure;
import org.polcomp.model.Targeting;

class ClassificationWarningsTest {
  private static final SourceLocation AT = new SourceLocation("gm/a.yaml", 12, 5);

  private static List<Diagnostic> warnings(Classifier k, MeasureBuilder b) {
    Measure m = b.at("gm/a.yaml", 12).build();
    List<Diagnostic> out = new ArrayList<>();
    ClassificationWarnings.report(m, k.classify(m), out::add);
    return out;
  }

  private static List<Diagnostic> warnings(MeasureBuilder b) {
    return warnings(new Classifier(MeasureBuilder.defaults()), b);
  }

  private static List<Code> codes(List<Diagnostic> ds) {
    return ds.stream().map(Diagnostic::code).toList();
  }

  @Test
  void aClassifiedAgreeingMeasureGivesNoWarning() {
    assertEquals(List.of(), warnings(measure("m").declared("temporary")
        .coded(Targeting.MAINSTREAMED, Duration.TEMPORARY)));
  }

  @Test
  void w004WithoutEvidence() {
    List<Diagnostic> ds = warnings(measure("m"));
    assertEquals(List.of(Code.W004), codes(ds));
    assertEquals(AT, ds.get(0).location());
    assertTrue(ds.get(0).message().contains("no duration evidence"), ds.get(0).message());
  }

  @Test
  void w004WhenEvidenceIsBalanced() {
    List<Diagnostic> ds = warnings(measure("m").instrument("pilot").open());
    assertEquals(List.of(Code.W004), codes(ds));
    assertTrue(ds.get(0).message().contains("evidence is balanced"), ds.get(0).message());
  }

  @Test
  void w005NamesBothLabelsPerAxis() {
    List<Diagnostic> ds = warnings(measure("m").groups("refugees").declared("structural")
        .coded(Targeting.MAINSTREAMED, Duration.TEMPORARY));
    assertEquals(List.of(Code.W005, Code.W005), codes(ds));
    assertEquals(AT, ds.get(0).location());
    assertTrue(ds.get(0).message().contains("'mainstreamed'")
        && ds.get(0).message().contains("'target-group'"), ds.get(0).message());
    assertTrue(ds.get(1).message().contains("'temporary'")
        && ds.get(1).message().contains("'structural'"), ds.get(1).message());
  }

  @Test
  void w005AndW004WhenTheRulesCannotDecideButACoderDid() {
    List<Diagnostic> ds = warnings(measure("m").coded(null, Duration.STRUCTURAL));
    assertEquals(List.of(Code.W004, Code.W005), codes(ds));
  }

  @Test
  void w008WhenTheCodebookLeavesMixedEligibilityUnclassified() {
    Classifier k = new Classifier(
        MeasureBuilder.withSettings(Targeting.UNCLASSIFIED, Targeting.MAINSTREAMED));
    List<Diagnostic> ds = warnings(k, measure("m").groups("refugees", "youth").declared("temporary"));
    assertEquals(List.of(Code.W008), codes(ds));
    assertEquals(AT, ds.get(0).location());
    assertTrue(ds.get(0).message().contains("mixed_eligibility"), ds.get(0).message());
  }

  @Test
  void w008NotForMixedEligibilityByDefault() {
    assertEquals(List.of(),
        warnings(measure("m").groups("refugees", "youth").declared("temporary")));
  }

  @Test
  void w008WithoutValidGroups() {
    List<Diagnostic> ds = warnings(measure("m").groups("bogus").declared("temporary"));
    assertEquals(List.of(Code.W008), codes(ds));
  }
}
