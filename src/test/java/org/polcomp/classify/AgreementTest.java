package org.polcomp.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.polcomp.classify.MeasureBuilder.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polcomp.model.Duration;
import org.polcomp.model.Measure;
import org.polcomp.model.Targeting;

class AgreementTest {
  private static final String M = "mainstreamed";
  private static final String T = "target-group";
  private static final String U = "unclassified";

  /** {@code n} copies of a pair appended to two lists. */
  private static void add(List<String> human, List<String> rules, int n, String h, String r) {
    for (int i = 0; i < n; i++) {
      human.add(h);
      rules.add(r);
    }
  }

  @Test
  void textbookTwoByTwo() {
    // 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no: po = 0.7, pe = (25*30 + 25*20) / 2500 = 0.5.
    List<String> h = new ArrayList<>();
    List<String> r = new ArrayList<>();
    add(h, r, 20, M, M);
    add(h, r, 5, M, T);
    add(h, r, 10, T, M);
    add(h, r, 15, T, T);
    Agreement a = Agreement.between("targeting", h, r);
    assertEquals(50, a.coded());
    assertEquals(35, a.agreements());
    assertEquals(0.7, a.observed(), 1e-12);
    assertEquals(0.4, a.kappa(), 1e-12);
  }

  @Test
  void unclassifiedRuleLabelsAreACategoryThatDisagrees() {
    // human M=5, T=5; rules M=5, T=4, U=1; agreements 4 + 3 = 7.
    // pe = (5*5 + 5*4 + 0*1) / 100 = 0.45; kappa = (0.7 - 0.45) / 0.55 = 5/11.
    List<String> h = new ArrayList<>();
    List<String> r = new ArrayList<>();
    add(h, r, 4, M, M);
    add(h, r, 1, M, T);
    add(h, r, 3, T, T);
    add(h, r, 1, T, M);
    add(h, r, 1, T, U);
    Agreement a = Agreement.between("targeting", h, r);
    assertEquals(10, a.coded());
    assertEquals(7, a.agreements());
    assertEquals(0.7, a.observed(), 1e-12);
    assertEquals(5.0 / 11, a.kappa(), 1e-12);
  }

  @Test
  void uncodedItemsAreSkipped() {
    Agreement a = Agreement.between("duration", Arrays.asList(null, "structural", null, "temporary"),
        List.of("temporary", "structural", "structural", "temporary"));
    assertEquals(2, a.coded());
    assertEquals(2, a.agreements());
    assertEquals(1.0, a.observed());
    assertEquals(1.0, a.kappa());
  }

  @Test
  void nothingCodedHasNoAgreementAndNoKappa() {
    Agreement a = Agreement.between("targeting", Arrays.asList(null, null), List.of(M, T));
    assertEquals(0, a.coded());
    assertEquals(0, a.agreements());
    assertNull(a.observed());
    assertNull(a.kappa());
    Agreement none = Agreement.between("targeting", List.of(), List.of());
    assertNull(none.observed());
  }

  @ParameterizedTest
  @CsvSource({"mainstreamed", "target-group"})
  void bothRatersConstantAndEqualHaveNoKappa(String label) {
    Agreement a = Agreement.between("targeting", List.of(label, label, label),
        List.of(label, label, label));
    assertEquals(1.0, a.observed());
    assertNull(a.kappa());
  }

  @Test
  void bothRatersConstantButDifferentHaveKappaZero() {
    Agreement a = Agreement.between("targeting", List.of(M, M), List.of(T, T));
    assertEquals(0.0, a.observed());
    assertEquals(0.0, a.kappa());
  }

  @Test
  void oneConstantRaterHasKappaZero() {
    // pe = (4*2) / 16 = 0.5 = po.
    Agreement a = Agreement.between("targeting", List.of(M, M, M, M), List.of(M, M, T, T));
    assertEquals(0.5, a.observed());
    assertEquals(0.0, a.kappa());
  }

  @Test
  void systematicDisagreementIsNegative() {
    Agreement a = Agreement.between("targeting", List.of(M, T, M, T), List.of(T, M, T, M));
    assertEquals(0.0, a.observed());
    assertEquals(-1.0, a.kappa());
  }

  @Test
  void fromMeasuresTargetingThenDuration() {
    Classifier k = new Classifier(MeasureBuilder.defaults());
    List<Measure> ms = List.of(
        measure("a").groups("youth").declared("temporary")
            .coded(Targeting.MAINSTREAMED, Duration.TEMPORARY).build(),
        measure("b").groups("refugees").declared("structural")
            .coded(Targeting.MAINSTREAMED, null).build(),
        measure("c").groups("refugees").coded(null, Duration.STRUCTURAL).build(),
        measure("d").groups("youth").build());
    List<Agreement> as = Agreement.of(ms, ms.stream().map(k::classify).toList());
    assertEquals("targeting", as.get(0).axis());
    assertEquals(2, as.get(0).coded());
    assertEquals(1, as.get(0).agreements());
    assertEquals("duration", as.get(1).axis());
    assertEquals(2, as.get(1).coded());
    // c's rules say unclassified: a disagreement.
    assertEquals(1, as.get(1).agreements());
    // human temporary, structural; rules temporary, unclassified: pe = 1/4, po = 1/2.
    assertEquals((0.5 - 0.25) / 0.75, as.get(1).kappa(), 1e-12);
  }
}
