package org.polcomp.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polcomp.classify.MeasureBuilder.measure;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.polcomp.model.Measure;

/** The rule registry: ids, axes and kinds, and exactly the rules the classifier emits. */
class RuleTest {
  private static final Classifier CLASSIFIER = new Classifier(MeasureBuilder.defaults());

  // Between them these measures make every rule fire at least once.
  private static final List<Measure> MEASURES = List.of(
      measure("generic").groups("youth").build(),
      measure("migrants").groups("refugees").declared("structural").open().build(),
      measure("mixed").groups("refugees", "youth").declared("temporary").end("2018-10").build(),
      measure("proxy").groups("low-literacy").proxy(true).instrument("pilot").build(),
      measure("funded").groups("youth").fund("eu", 10).fund("municipal-regular", 30).build(),
      measure("balanced").groups("youth").open().instrument("pilot").build(),
      measure("nobody").groups("bogus").build());

  @Test
  void theClassifierEmitsEveryRuleOfTheRegistryAndNoOther() {
    Set<Rule> emitted = EnumSet.noneOf(Rule.class);
    for (Measure m : MEASURES) {
      for (Reason r : CLASSIFIER.classify(m).reasons()) {
        emitted.add(r.rule());
        assertEquals(Optional.of(r.rule()), Rule.byId(r.id()), r.toString());
        assertTrue(r.toString().startsWith(r.id() + " "), r.toString());
      }
    }
    assertEquals(EnumSet.allOf(Rule.class), emitted);
  }

  @Test
  void eachClassificationHasOneTargetingReasonFirstThenItsDurationReasons() {
    for (Measure m : MEASURES) {
      List<Reason> reasons = CLASSIFIER.classify(m).reasons();
      assertEquals(Rule.Axis.TARGETING, reasons.get(0).rule().axis(), m.id());
      for (Reason r : reasons.subList(1, reasons.size())) {
        assertEquals(Rule.Axis.DURATION, r.rule().axis(), m.id() + ": " + r);
      }
    }
  }

  @Test
  void idsAreAnAxisLetterAndANumberOrTheVerdictLetterAlone() {
    Pattern id = Pattern.compile("[TD][1-9]?");
    for (Rule r : Rule.values()) {
      assertTrue(id.matcher(r.id()).matches(), r.id());
      assertEquals(r.axis() == Rule.Axis.TARGETING ? 'T' : 'D', r.id().charAt(0), r.id());
      assertEquals(r.id().length() == 1, r.isVerdict(), r.id());
      assertEquals(r.axis() == Rule.Axis.DURATION && !r.isVerdict(), r.isEvidence(), r.id());
      assertFalse(r.summary().isBlank(), r.id());
      assertEquals(Optional.of(r), Rule.byId(r.id()));
    }
    assertEquals(List.of("T1", "T2", "T3", "T4", "T", "D1", "D2", "D3", "D4", "D"),
        Arrays.stream(Rule.values()).map(Rule::id).toList());
    assertEquals(Optional.empty(), Rule.byId("D5"));
    assertEquals(Optional.empty(), Rule.byId("d1"));
  }

  @Test
  void onlyEvidenceShowsItsContribution() {
    assertEquals("T1 x", new Reason(Rule.T1, "x", 0).toString());
    assertEquals("D3 x (0)", new Reason(Rule.D3, "x", 0).toString());
    assertEquals("D4 x (-1.5)", new Reason(Rule.D4, "x", -1.5).toString());
    assertEquals("D x", new Reason(Rule.D, "x", 0).toString());
  }
}
