package org.polcomp.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Krippendorff's alpha, Fleiss' kappa and pairwise Cohen's kappa against published examples. */
class ReliabilityTest {
  private static final String AXIS = "duration";

  /** Counts units given as one row per coder, a column per unit, null for a missing code. */
  private static Reliability.Counts units(String[] coders, String rule, String[][] byCoder) {
    Reliability.Counts counts = new Reliability.Counts();
    for (int u = 0; u < byCoder[0].length; u++) {
      List<String> who = new ArrayList<>();
      List<String> codes = new ArrayList<>();
      for (int c = 0; c < coders.length; c++) {
        if (byCoder[c][u] != null) {
          who.add(coders[c]);
          codes.add(byCoder[c][u]);
        }
      }
      counts.add(rule, who, codes);
    }
    return counts;
  }

  /**
   * Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the nominal example with
   * missing data: 4 observers, 12 units, values 1-5; alpha = 0.743. By hand: unit 12 has one value
   * and is not pairable, leaving n = 40 values. Per unit, the disagreeing ordered pairs m_u^2 -
   * sum_c n_uc^2 divided by m_u - 1: unit 2 (2,2,3,2) 6/3 = 2, unit 6 (1,2,3,4) 12/3 = 4, unit 8
   * (1,1,2,1) 6/3 = 2, every other unit 0: D = 8. Value counts n_1 = 9, n_2 = 13, n_3 = 10, n_4 =
   * 5, n_5 = 3: E = 40^2 - (81 + 169 + 100 + 25 + 9) = 1216. alpha = 1 - 39 * 8 / 1216 = 113/152.
   */
  @Test
  void krippendorffsNominalExampleWithMissingData() {
    String[][] data = {
      {"1", "2", "3", "3", "2", "1", "4", "1", "2", null, null, null},
      {"1", "2", "3", "3", "2", "2", "4", "1", "2", "5", null, "3"},
      {null, "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", null},
      {"1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", null},
    };
    Reliability.Result r =
        units(new String[] {"A", "B", "C", "D"}, "1", data).result(AXIS);
    assertEquals(113.0 / 152, r.alpha());
    assertEquals(0.743, Math.round(r.alpha() * 1000) / 1000.0);
    assertEquals(11, r.units(), "units with at least two values");
    assertEquals(List.of("A", "B", "C", "D"), r.coders());
  }

  /**
   * Fleiss' kappa on the table of Wikipedia's article "Fleiss' kappa" (10 subjects, 14 raters, 5
   * categories), kappa = 0.210. By hand: N = 10, n = 14, the squared cell counts sum to A = 828; P = (A - N n) / (N n (n - 1)), Pe = sum T_j^2 / (N n)^2 with column totals T = 20, 28,
   * 39, 21, 32; kappa = (P - Pe) / (1 - Pe) = 4211/20059.
   */
  @Test
  void fleissKappaOfTheWikipediaTable() {
    int[][] table = {
      {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
      {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7},
    };
    int raters = 14;
    String[] coders = new String[raters];
    for (int i = 0; i < raters; i++) {
      coders[i] = String.format(java.util.Locale.ROOT, "r%02d", i + 1);
    }
    // Fleiss' raters need not be the same people: hand out each subject's ratings in turn
    String[][] byCoder = new String[raters][table.length];
    for (int s = 0; s < table.length; s++) {
      int next = 0;
      for (int c = 0; c < table[s].length; c++) {
        for (int k = 0; k < table[s][c]; k++) {
          byCoder[next++][s] = "c" + (c + 1);
        }
      }
      assertEquals(raters, next);
    }
    Reliability.Result r = units(coders, "c1", byCoder).result(AXIS);
    assertEquals(4211.0 / 20059, r.fleiss());
    assertEquals(0.210, Math.round(r.fleiss() * 1000) / 1000.0);
  }

  /**
   * Cohen's kappa by hand for two coders over 50 measures: both structural 20, A structural and B
   * temporary 5, A temporary and B structural 10, both temporary 15. po = 35/50 = 0.7; A says
   * structural 25 times, B 30 times: pe = 0.5 * 0.6 + 0.5 * 0.4 = 0.5; kappa = (0.7 - 0.5) / 0.5
   * = 0.4.
   */
  @Test
  void cohensKappaPerPairByHand() {
    Reliability.Counts counts = new Reliability.Counts();
    add(counts, 20, "structural", "structural");
    add(counts, 5, "structural", "temporary");
    add(counts, 10, "temporary", "structural");
    add(counts, 15, "temporary", "temporary");
    Reliability.Result r = counts.result(AXIS);
    Reliability.Pair ab = r.pairs().get(0);
    assertEquals("A x B", ab.name());
    assertEquals(50, ab.agreement().coded());
    assertEquals(35, ab.agreement().agreements());
    assertEquals(0.7, ab.agreement().observed());
    assertEquals(0.4, ab.agreement().kappa(), 1e-15);
    // then each coder against the rules (all "structural" here): kappa 0, as the rules are
    // constant
    assertEquals(List.of("A x B", "A x rules", "B x rules"),
        r.pairs().stream().map(Reliability.Pair::name).toList());
    assertEquals(25.0 / 50, r.pairs().get(1).agreement().observed());
    assertEquals(0.0, r.pairs().get(1).agreement().kappa());
    // two coders who both coded every measure: Fleiss' kappa is defined, the units are all 50
    assertEquals(50, r.units());
  }

  private static void add(Reliability.Counts counts, int times, String a, String b) {
    for (int i = 0; i < times; i++) {
      counts.add("structural", List.of("A", "B"), List.of(a, b));
    }
  }

  @Test
  void theMajorityCodeAgainstTheRulesCountsATieAsADisagreement() {
    Reliability.Counts counts = new Reliability.Counts();
    // majority temporary = rules; a 1-1 tie; a single code that agrees
    counts.add("temporary", List.of("A", "B", "C"), List.of("temporary", "temporary",
        "structural"));
    counts.add("temporary", List.of("A", "B"), List.of("temporary", "structural"));
    counts.add("temporary", List.of("C"), List.of("temporary"));
    Agreement m = counts.result(AXIS).majority();
    assertEquals(3, m.coded());
    assertEquals(2, m.agreements());
  }

  @Test
  void undefinedStatisticsAreEmpty() {
    Reliability.Counts counts = new Reliability.Counts();
    counts.add("temporary", List.of("A"), List.of("temporary"));
    counts.add("temporary", List.of("B"), List.of("structural"));
    Reliability.Result r = counts.result(AXIS);
    assertEquals(0, r.units());
    assertNull(r.alpha(), "no unit has two codes");
    assertNull(r.fleiss(), "no measure was coded by both coders");
    Reliability.Counts same = new Reliability.Counts();
    same.add("temporary", List.of("A", "B"), List.of("temporary", "temporary"));
    assertNull(same.result(AXIS).alpha(), "one value only: the expected disagreement is 0");
    assertNull(same.result(AXIS).fleiss(), "Pe = 1");
  }

  @Test
  void countsOfPartsAddUpToTheWhole() {
    Reliability.Counts whole = new Reliability.Counts();
    Reliability.Counts a = new Reliability.Counts();
    Reliability.Counts b = new Reliability.Counts();
    String[][] units = {{"temporary", "structural"}, {"temporary", "temporary"},
      {"structural", "structural"}, {"structural", "temporary"}, {"temporary", "temporary"}};
    for (int i = 0; i < units.length; i++) {
      List<String> codes = List.of(units[i]);
      whole.add("temporary", List.of("A", "B"), codes);
      (i % 2 == 0 ? a : b).add("temporary", List.of("A", "B"), codes);
    }
    a.addAll(b);
    assertEquals(whole.result(AXIS), a.result(AXIS));
  }

  // What a record's own methods give, for the written-out ones of Pattern to be compared with.
  private record Generated(String rule, List<String> coders, List<String> codes) {}

  // Pattern writes out equals, hashCode and toString; the patterns are put in order by their
  // text, so it must be the record's own, and a pattern must hash as the record would.
  @Test
  void aPatternIsEqualHashedAndWrittenAsARecordIs() {
    java.util.Random random = new java.util.Random(8);
    String[] words = {"mainstreamed", "target-group", "structural", "", "a, b", "x]"};
    for (int i = 0; i < 500; i++) {
      String rule = random.nextInt(10) == 0 ? null : words[random.nextInt(words.length)];
      List<String> coders = new ArrayList<>();
      List<String> codes = new ArrayList<>();
      for (int n = random.nextInt(4); n > 0; n--) {
        coders.add(words[random.nextInt(words.length)]);
        codes.add(random.nextInt(8) == 0 ? null : words[random.nextInt(words.length)]);
      }
      Reliability.Pattern p = new Reliability.Pattern(rule, coders, codes);
      Generated g = new Generated(rule, coders, codes);
      assertEquals(g.toString().replaceFirst("^Generated", "Pattern"), p.toString());
      assertEquals(g.hashCode(), p.hashCode());
      Reliability.Pattern same = new Reliability.Pattern(rule, new ArrayList<>(coders),
          new ArrayList<>(codes));
      assertEquals(p, same);
      assertEquals(p.hashCode(), same.hashCode());
      List<String> other = new ArrayList<>(codes);
      other.add("z");
      assertNotEquals(p, new Reliability.Pattern(rule, coders, other));
      assertNotEquals(p, new Reliability.Pattern(rule + "z", coders, codes));
      assertNotEquals(p, g);
    }
  }
}
