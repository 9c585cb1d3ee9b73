package org.polcomp.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The report form of a reason and of a number, against the rounding the reports are made by. */
class ReasonTest {
  /** The definition: 3 decimals half up, no trailing zeros, no exponent, never -0. */
  private static String byBigDecimal(double value) {
    BigDecimal d = BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP);
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }

  @Test
  void wholeNumbersAreWrittenAsTheRoundingWritesThem() {
    for (int v = -20_000; v <= 20_000; v++) {
      assertEquals(byBigDecimal(v), Reason.format(v), "" + v);
    }
    SplittableRandom random = new SplittableRandom(16);
    for (int i = 0; i < 200_000; i++) {
      double v = (double) random.nextLong(-20_000_000L, 20_000_000L);
      assertEquals(byBigDecimal(v), Reason.format(v), "" + v);
    }
    for (double v : new double[] {-0.0, 0.0, 9_999_999, -9_999_999, 1e7, -1e7, 1e15, 123e20,
        Double.MAX_VALUE, -Double.MAX_VALUE}) {
      assertEquals(byBigDecimal(v), Reason.format(v), "" + v);
    }
    assertEquals("0", Reason.format(-0.0));
  }

  @Test
  void fractionsAreRoundedHalfUpToThreeDecimals() {
    assertEquals("-0.5", Reason.format(-0.5));
    assertEquals("1.333", Reason.format(4.0 / 3));
    assertEquals("0.002", Reason.format(0.0015));
    assertEquals("0", Reason.format(-0.0004));
    SplittableRandom random = new SplittableRandom(17);
    for (int i = 0; i < 100_000; i++) {
      double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-4, 9));
      assertEquals(byBigDecimal(v), Reason.format(v), "" + v);
    }
  }

  @Test
  void aReasonShowsItsContributionOnlyWhenItIsEvidence() {
    assertEquals("D2 end date 2018-10-31 (-2)",
        new Reason(Rule.D2, "end date 2018-10-31", -2).toString());
    assertEquals("D4 funding (0.333)", new Reason(Rule.D4, "funding", 1.0 / 3).toString());
    assertEquals("T1 generic groups only (youth) -> mainstreamed",
        new Reason(Rule.T1, "generic groups only (youth) -> mainstreamed", 0).toString());
  }

  @Test
  void theReasonsTextJoinsTheReasonsInOrder() {
    Classification c = new Classification(org.polcomp.model.Targeting.MAINSTREAMED,
        org.polcomp.model.Duration.TEMPORARY,
        org.polcomp.model.Quadrant.of(org.polcomp.model.Targeting.MAINSTREAMED,
            org.polcomp.model.Duration.TEMPORARY),
        -3, 1, List.of(new Reason(Rule.T1, "generic groups only (youth) -> mainstreamed", 0),
            new Reason(Rule.D1, "declared temporary", -2), new Reason(Rule.D2, "end 2018", -1)),
        null);
    assertEquals("T1 generic groups only (youth) -> mainstreamed; D1 declared temporary (-2);"
        + " D2 end 2018 (-1)", c.reasonsText());
  }
}
