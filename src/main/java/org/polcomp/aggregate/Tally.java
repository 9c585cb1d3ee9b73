package org.polcomp.aggregate;

import java.math.BigDecimal;
import java.math.MathContext;
import org.polcomp.model.Duration;
import org.polcomp.model.Quadrant;
import org.polcomp.model.Targeting;

/** Counts and budgets of a set of measures, filled while one table row is built. */
final class Tally {
  long measures;
  long mainstreamed;
  long targetGroup;
  long unclassifiedTargeting;
  long structural;
  long temporary;
  long unclassifiedDuration;
  final long[] quadrants = new long[Quadrant.values().length];
  // Budgets in exact decimals (Measure.budget), so that sums do not depend on the order of the
  // measures; each becomes a double once, as a cell.
  BigDecimal budget = BigDecimal.ZERO;
  BigDecimal budgetMainstreamed = BigDecimal.ZERO;
  BigDecimal budgetTargetGroup = BigDecimal.ZERO;
  BigDecimal budgetStructural = BigDecimal.ZERO;
  BigDecimal budgetTemporary = BigDecimal.ZERO;
  // budget_eur is empty, not 0, when no measure states an amount: nothing is known of the money
  boolean statesAmount;

  void add(Targeting t, Duration d, BigDecimal measureBudget) {
    measures++;
    budget = budget.add(measureBudget);
    switch (t) {
      case MAINSTREAMED -> {
        mainstreamed++;
        budgetMainstreamed = budgetMainstreamed.add(measureBudget);
      }
      case TARGET_GROUP -> {
        targetGroup++;
        budgetTargetGroup = budgetTargetGroup.add(measureBudget);
      }
      case UNCLASSIFIED -> unclassifiedTargeting++;
    }
    switch (d) {
      case STRUCTURAL -> {
        structural++;
        budgetStructural = budgetStructural.add(measureBudget);
      }
      case TEMPORARY -> {
        temporary++;
        budgetTemporary = budgetTemporary.add(measureBudget);
      }
      case UNCLASSIFIED -> unclassifiedDuration++;
    }
    quadrants[Quadrant.of(t, d).ordinal()]++;
  }

  /** Adds another tally's counts and budgets (municipalities merged onto one). */
  void addAll(Tally o) {
    measures += o.measures;
    mainstreamed += o.mainstreamed;
    targetGroup += o.targetGroup;
    unclassifiedTargeting += o.unclassifiedTargeting;
    structural += o.structural;
    temporary += o.temporary;
    unclassifiedDuration += o.unclassifiedDuration;
    for (int i = 0; i < quadrants.length; i++) {
      quadrants[i] += o.quadrants[i];
    }
    budget = budget.add(o.budget);
    budgetMainstreamed = budgetMainstreamed.add(o.budgetMainstreamed);
    budgetTargetGroup = budgetTargetGroup.add(o.budgetTargetGroup);
    budgetStructural = budgetStructural.add(o.budgetStructural);
    budgetTemporary = budgetTemporary.add(o.budgetTemporary);
    statesAmount |= o.statesAmount;
  }

  /** The budget as a cell: null when none of the measures states an amount. */
  Double budgetCell() {
    return statesAmount ? budget.doubleValue() : null;
  }

  long quadrant(Quadrant q) {
    return quadrants[q.ordinal()];
  }

  Double mainstreamingShare() {
    return share(mainstreamed, targetGroup);
  }

  Double structuralShare() {
    return share(structural, temporary);
  }

  Double mainstreamingShareBudget() {
    return share(budgetMainstreamed, budgetTargetGroup);
  }

  Double structuralShareBudget() {
    return share(budgetStructural, budgetTemporary);
  }

  /**
   * {@code <targeting>-<duration>}: the side with a share above 0.5, {@code balanced} at exactly
   * 0.5 (decided on the counts, not on a rounded share), {@code unclassified} without a share.
   */
  String profile() {
    return side(mainstreamed, targetGroup, "mainstreamed", "target-group") + "-"
        + side(structural, temporary, "structural", "temporary");
  }

  private static String side(long a, long b, String aLabel, String bLabel) {
    if (a + b == 0) {
      return "unclassified";
    }
    return a > b ? aLabel : a < b ? bLabel : "balanced";
  }

  /** a / (a + b), or null when a + b is 0. */
  static Double share(long a, long b) {
    long n = a + b;
    if (n == 0) {
      return null;
    }
    // the same value as dividing here; one instance for every tally of the same small counts
    // (not a conditional expression: it would unbox the shared one and box it again)
    if (a >= 0 && n < SHARED.length) {
      return SHARED[(int) n][(int) a];
    }
    return (double) a / n;
  }

  // The shares of counts up to 32, boxed once: a large comparison holds a dozen per
  // municipality (its domains' rows), most of them of a few measures, and a boxed double each
  // was a ninth of what it kept in memory. Read only after class initialisation.
  private static final Double[][] SHARED = new Double[33][];

  static {
    for (int n = 1; n < SHARED.length; n++) {
      SHARED[n] = new Double[n + 1];
      for (int a = 0; a <= n; a++) {
        SHARED[n][a] = (double) a / n;
      }
    }
  }

  /** a / (a + b) of exact budgets, made a double once; null when a + b is 0. */
  static Double share(BigDecimal a, BigDecimal b) {
    BigDecimal total = a.add(b);
    return total.signum() == 0 ? null : a.divide(total, MathContext.DECIMAL64).doubleValue();
  }
}
