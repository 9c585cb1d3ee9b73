package org.polcomp.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.polcomp.classify.MeasureBuilder.measure;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polcomp.classify.Classifier;
import org.polcomp.classify.MeasureBuilder;
import org.polcomp.diagnostic.SourceLocation;
import org.polcomp.model.Locations;
import org.polcomp.model.Measure;
import org.polcomp.model.Municipality;

/** A measure as a row of the measures table. */
class MeasureRowTest {
  private static final Classifier CLASSIFIER = new Classifier(MeasureBuilder.defaults());

  private static MeasureRow row(MeasureBuilder b) {
    Measure m = b.at("nl/x.yaml", 7).build();
    Municipality mun = new Municipality("GM1", "Ede", "NL", null, null, null, null, List.of(m),
        Map.of(), "nl/x.yaml", 1, Locations.of(SourceLocation.ofFile("nl/x.yaml")));
    return MeasureRow.of(new ClassifiedMeasure(mun, m, CLASSIFIER.classify(m)));
  }

  @Test
  void theWorkedExampleAsARow() {
    MeasureRow r = row(measure("plan-einstein").groups("asylum-seekers", "neighbourhood-residents")
        .instrument("living-lab").start("2016-11").end("2018-10").declared("temporary")
        .fund("eu", 3_400_000));
    assertEquals("GM1", r.municipalityId());
    assertEquals("Ede", r.municipality());
    assertEquals("plan-einstein", r.measureId());
    assertEquals("asylum-seekers; neighbourhood-residents", r.targetGroups());
    assertEquals("2016-11", r.start());
    assertEquals("2018-10", r.end());
    assertEquals("eu", r.fundingSources());
    assertEquals(3_400_000.0, r.fundingEur());
    assertEquals("mainstreamed", r.targeting());
    assertEquals("temporary", r.duration());
    assertEquals("mainstreamed-temporary", r.quadrant());
    assertEquals(-8.0, r.durationScore());
    assertEquals(1.0, r.confidence());
    assertEquals("T3 mixed eligibility (asylum-seekers; neighbourhood-residents) -> mainstreamed;"
        + " D1 declared temporary (-3); D2 end date 2018-10-31 (-2);"
        + " D3 instrument living-lab (-2); D4 funding eu (-1)", r.reasons());
    assertNull(r.codingAgrees());
    assertEquals("nl/x.yaml", r.file());
    assertEquals(7L, r.line());
    assertNull(r.extensions(), "no x- fields");
  }

  @Test
  void fundingIsTheExactBudgetAndEmptyWithoutAnyAmount() {
    assertEquals(0.3, row(measure("m").fund("eu", 0.1).fund("other", 0.2)).fundingEur());
    assertEquals("eu; other", row(measure("m").fund("eu", 0.1).fund("other", 0.2))
        .fundingSources());
    assertNull(row(measure("m").fund("eu")).fundingEur());
    assertEquals(0.0, row(measure("m").fund("eu", 0)).fundingEur());
    assertNull(row(measure("m")).fundingSources());
  }
}
