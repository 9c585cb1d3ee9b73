package org.polcomp.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.polcomp.classify.MeasureBuilder;
import org.polcomp.golden.Datasets;
import org.polcomp.load.DatasetLoader;
import org.polcomp.load.Limits;
import org.polcomp.model.Dataset;

/**
 * The agreement of the three invented coders of {@code examples/invented/}, against a hand
 * computation. The codings (T target-group, M mainstreamed; S structural, t temporary; - not
 * coded), coders AB, CD, EF, then the rules:
 *
 * <pre>
 *                                 targeting        duration
 *   measure                     AB CD EF rules   AB CD EF rules
 *  1 health-screening            T  T  T  T       S  S  S  S
 *  2 volunteer-buddies           T  M  T  M       S  S  -  S
 *  3 sprachbruecke               T  T  T  T       t  t  -  t
 *  4 sport-for-all-pilot         M  M  M  M       S  t  S  t
 *  5 neighbourhood-language-cafes T  M  -  M      S  S  -  S
 *  6 job-coach-pilot             T  T  T  T       t  t  t  t
 *  7 school-mentoring            M  -  M  M       S  -  t  S
 *  8 welcome-desk-labour-migrants T  T  T  T      t  t  t  t
 *  9 roma-inclusion-strategy     T  T  T  T       S  S  t  t
 * 10 open-preschool-lab          M  M  T  M       t  t  t  t
 * 11 neighbourhood-hosts         -  M  -  M       -  t  -  t
 * </pre>
 */
class InventedCodersTest {
  private static Comparison compare() {
    DatasetLoader.Result r = new DatasetLoader(Limits.DEFAULT, false)
        .load(List.of(Path.of(Datasets.INVENTED_CODERS)), UnaryOperator.identity());
    Dataset d = r.dataset();
    return new Aggregator(MeasureBuilder.defaults()).aggregate(d, AggregateOptions.defaults());
  }

  private static Map<String, CoderAgreementRow> rows(Comparison c) {
    Map<String, CoderAgreementRow> out = new LinkedHashMap<>();
    for (CoderAgreementRow row : c.coderAgreement()) {
      out.put(row.axis() + (row.pair() == null ? "" : " " + row.pair()), row);
    }
    return out;
  }

  @Test
  void theMajorityAgainstTheRules() {
    Map<String, CoderAgreementRow> rows = rows(compare());
    // Targeting: majority codes T T T M (tie) T M T T M M against T M T M M T M T T M M: measures
    // 2 (T vs M) and 5 (a tie) disagree, 9 of 11 agree. Majority marginals T 6, M 4, tie 1;
    // rules T 5, M 6; chance sum 6*5 + 4*6 = 54; kappa = (9*11 - 54) / (11^2 - 54) = 45/67.
    CoderAgreementRow t = rows.get("targeting");
    assertEquals(11, t.coded());
    assertEquals(9, t.agreements());
    assertEquals(45.0 / 67, t.cohensKappa());
    assertEquals(3, t.coders());
    assertEquals(10, t.units(), "measure 11 has one code");
    // Duration: majorities S S t S S t (tie) t S t t against S S t t S t S t t t t: measures 4,
    // 7 (a tie) and 9 disagree, 8 of 11 agree.
    assertEquals(8, rows.get("duration").agreements());
  }

  @Test
  void krippendorffsAlphaByHand() {
    Map<String, CoderAgreementRow> rows = rows(compare());
    // Targeting, pairable measures 1-10: n = 8*3 + 2*2 = 28 codes, n_T = 19, n_M = 9. Disagreeing
    // pairs over m_u - 1: measure 2 (T,M,T) 4/2, measure 5 (T,M) 2/1, measure 10 (M,M,T) 4/2:
    // D = 6; E = 28^2 - 19^2 - 9^2 = 342; alpha = 1 - 27 * 6 / 342 = 10/19.
    assertEquals(10.0 / 19, rows.get("targeting").krippendorffAlpha());
    // Duration: n = 6*3 + 4*2 = 26, n_S = 12, n_t = 14; measures 4 (S,t,S) 4/2, 7 (S,t) 2/1, 9
    // (S,S,t) 4/2: D = 6; E = 676 - 144 - 196 = 336; alpha = 1 - 25 * 6 / 336 = 31/56.
    assertEquals(31.0 / 56, rows.get("duration").krippendorffAlpha());
  }

  @Test
  void fleissKappaByHand() {
    Map<String, CoderAgreementRow> rows = rows(compare());
    // Targeting, the 8 measures all three coded (1 2 3 4 6 8 9 10): sum of squared counts A = 9
    // + 5 + 9 + 9 + 9 + 9 + 9 + 5 = 64; N k = 24; P = (64 - 24) / (24 * 2) = 5/6; totals T 18,
    // M 6: Pe = (324 + 36) / 576 = 5/8; kappa = (5/6 - 5/8) / (3/8) = 5/9.
    assertEquals(5.0 / 9, rows.get("targeting").fleissKappa());
    // Duration, the 6 measures all three coded (1 4 6 8 9 10): A = 46; N k = 18; P = 28/36 = 7/9;
    // totals S 7, t 11: Pe = 170/324 = 85/162; kappa = (7/9 - 85/162) / (77/162) = 41/77.
    assertEquals(41.0 / 77, rows.get("duration").fleissKappa());
  }

  @Test
  void pairwiseCohensKappaByHand() {
    Map<String, CoderAgreementRow> rows = rows(compare());
    // AB x CD targeting, measures 1-6, 8-10: 7 of 9 agree; AB T 7 M 2, CD T 5 M 4; chance 35 + 8
    // = 43; kappa = (63 - 43) / (81 - 43) = 10/19.
    assertPair(rows.get("targeting AB x CD"), 9, 7, 10.0 / 19);
    // AB x EF targeting, measures 1-4, 6-10: 8 of 9; AB T 6 M 3, EF T 7 M 2; chance 42 + 6 = 48;
    // kappa = (72 - 48) / (81 - 48) = 8/11.
    assertPair(rows.get("targeting AB x EF"), 9, 8, 8.0 / 11);
    // CD x EF targeting, measures 1-4, 6, 8-10: 6 of 8; CD T 5 M 3, EF T 7 M 1; chance 35 + 3 =
    // 38; kappa = (48 - 38) / (64 - 38) = 5/13.
    assertPair(rows.get("targeting CD x EF"), 8, 6, 5.0 / 13);
    // AB x rules targeting, measures 1-10: 8 of 10; AB T 7 M 3, rules T 5 M 5; chance 35 + 15 =
    // 50; kappa = (80 - 50) / (100 - 50) = 3/5.
    assertPair(rows.get("targeting AB x rules"), 10, 8, 3.0 / 5);
    // AB x CD duration, measures 1-6, 8-10: 8 of 9; AB S 5 t 4, CD S 4 t 5; chance 40; kappa =
    // (72 - 40) / (81 - 40) = 32/41.
    assertPair(rows.get("duration AB x CD"), 9, 8, 32.0 / 41);
  }

  private static void assertPair(CoderAgreementRow row, long coded, long agreements,
      double kappa) {
    assertEquals(coded, row.coded());
    assertEquals(agreements, row.agreements());
    assertEquals((double) agreements / coded, row.observedAgreement());
    assertEquals(kappa, row.cohensKappa(), 1e-15);
    assertNull(row.krippendorffAlpha());
  }

  @Test
  void theReconciliationQueue() {
    List<DisagreementRow> queue = compare().disagreements();
    List<String> shown = queue.stream()
        .map(r -> r.measureId() + " " + r.axis() + " " + r.codes() + " -> " + r.majority())
        .toList();
    assertEquals(List.of(
        "neighbourhood-language-cafes targeting AB=target-group; CD=mainstreamed -> null",
        "school-mentoring duration AB=structural; EF=temporary -> null",
        "sport-for-all-pilot duration AB=structural; CD=temporary; EF=structural -> structural",
        "volunteer-buddies targeting AB=target-group; CD=mainstreamed; EF=target-group"
            + " -> target-group",
        "open-preschool-lab targeting AB=mainstreamed; CD=mainstreamed; EF=target-group"
            + " -> mainstreamed",
        "roma-inclusion-strategy duration AB=structural; CD=structural; EF=temporary"
            + " -> structural"), shown);
    assertTrue(queue.stream().allMatch(r -> r.rules() != null));
  }
}
