package org.polcomp.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.polcomp.classify.MeasureBuilder.measure;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polcomp.classify.Classifier;
import org.polcomp.classify.MeasureBuilder;
import org.polcomp.diagnostic.SourceLocation;
import org.polcomp.model.Coding;
import org.polcomp.model.Duration;
import org.polcomp.model.Locations;
import org.polcomp.model.Measure;
import org.polcomp.model.Municipality;
import org.polcomp.model.Targeting;

/** Majority codes with several coders: the measures row and {@code --prefer-coded}. */
class SeveralCodersTest {
  private static final Classifier CLASSIFIER = new Classifier(MeasureBuilder.defaults());

  private static ClassifiedMeasure classified(Coding... codings) {
    // the rules: target-group (refugees only), temporary (declared)
    Measure m = measure("m").groups("refugees").declared("temporary").codings(codings).build();
    Municipality mun = new Municipality("GM1", "Ede", "NL", null, null, null, null, List.of(m),
        Map.of(), "nl/x.yaml", 1, Locations.of(SourceLocation.ofFile("nl/x.yaml")));
    return new ClassifiedMeasure(mun, m, CLASSIFIER.classify(m));
  }

  private static Coding coding(String coder, Targeting t, Duration d) {
    return new Coding(t, d, coder, null);
  }

  @Test
  void preferCodedUsesTheMajorityAndTheRulesOnATie() {
    ClassifiedMeasure cm = classified(
        coding("AB", Targeting.MAINSTREAMED, Duration.STRUCTURAL),
        coding("CD", Targeting.MAINSTREAMED, Duration.TEMPORARY),
        coding("EF", Targeting.TARGET_GROUP, null));
    assertEquals(Targeting.MAINSTREAMED, cm.targeting(true), "two of three");
    assertEquals(Duration.TEMPORARY, cm.duration(true), "a 1-1 tie: the rules");
    assertEquals(Targeting.TARGET_GROUP, cm.targeting(false));
  }

  @Test
  void theMeasuresRowShowsTheMajorityAndTheCodingsByCoder() {
    MeasureRow r = MeasureRow.of(classified(
        coding("AB", Targeting.TARGET_GROUP, Duration.STRUCTURAL),
        coding("CD", Targeting.TARGET_GROUP, Duration.TEMPORARY)));
    assertEquals("target-group", r.targetingCoded());
    assertNull(r.durationCoded(), "a tie has no majority");
    assertFalse(r.codingAgrees(), "a tie disagrees");
    assertEquals(Map.of("AB", Map.of("targeting", "target-group", "duration", "structural"),
        "CD", Map.of("targeting", "target-group", "duration", "temporary")), r.codings());
    assertEquals(List.of("AB", "CD"), List.copyOf(r.codings().keySet()));
  }

  @Test
  void oneCodingKeepsTheRowOfBefore() {
    MeasureRow r = MeasureRow.of(classified(coding("AB", Targeting.TARGET_GROUP, null)));
    assertEquals("target-group", r.targetingCoded());
    assertNull(r.codings(), "JSON shows codings only for several");
    assertEquals(Boolean.TRUE, r.codingAgrees());
  }
}
