package org.polcomp.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polcomp.classify.MeasureBuilder.measure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A measure's budget: the exact sum of its amounts, the one budget every report reads. */
class MeasureBudgetTest {
  private static Measure funded(Double... amounts) {
    List<Funding> funding = new ArrayList<>();
    for (Double a : amounts) {
      funding.add(new Funding("other", a, null));
    }
    return measure("m").funding(funding).build();
  }

  @Test
  void theSumIsExactWhereDoublesWouldRound() {
    assertNotEquals(0.3, 0.1 + 0.2, "the case this test is about");
    assertEquals(0, new BigDecimal("0.3").compareTo(funded(0.1, 0.2).budget()));
    assertEquals(0.3, funded(0.1, 0.2).budget().doubleValue());
  }

  @Test
  void theOrderOfTheEntriesCannotChangeTheSum() {
    List<Double> amounts = Arrays.asList(1e16, 1.0, -1e16, 0.5, 2_595_000.0);
    BigDecimal first = funded(amounts.toArray(Double[]::new)).budget();
    Collections.reverse(amounts);
    assertEquals(first, funded(amounts.toArray(Double[]::new)).budget());
    assertEquals(0, new BigDecimal("2595001.5").compareTo(first));
  }

  @Test
  void noAmountIsABudgetOfZeroAndStatesNone() {
    Measure none = measure("m").fund("eu").build();
    assertEquals(0, none.budget().signum());
    assertFalse(none.statesAmount());
    assertFalse(measure("m").build().statesAmount());
    Measure zero = funded(0.0);
    assertEquals(0, zero.budget().signum());
    assertTrue(zero.statesAmount(), "an amount of 0 is stated");
  }

  @Test
  void entriesWithoutAnAmountOrWithoutAFiniteOneAddNothing() {
    Measure m = funded(100.0, null, Double.NaN, Double.POSITIVE_INFINITY, 50.0);
    assertEquals(0, new BigDecimal("150").compareTo(m.budget()));
    assertTrue(m.statesAmount());
  }
}
