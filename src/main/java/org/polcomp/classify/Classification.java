package org.polcomp.classify;

import java.util.List;
import java.util.Objects;
import org.polcomp.model.Duration;
import org.polcomp.model.Quadrant;
import org.polcomp.model.Targeting;

/**
 * The rule-based classification of one measure (CODEBOOK.md).
 *
 * @param durationScore the score S, rounded to 3 decimals half up
 * @param confidence |S| over the sum of the absolute contributions (both unrounded), rounded like
 *     S; in [0, 1], 1 when all evidence points one way, 0 when S rounds to 0
 * @param reasons the targeting reason first, then the duration evidence in rule order
 * @param codingAgrees null when the measure has no human coding; false when a coded axis differs
 *     from the rules (an unclassified rule label differs from every code)
 */
public record Classification(
    Targeting targeting,
    Duration duration,
    Quadrant quadrant,
    double durationScore,
    double confidence,
    List<Reason> reasons,
    Boolean codingAgrees) {

  public Classification {
    Objects.requireNonNull(targeting, "targeting");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(quadrant, "quadrant");
    if (quadrant != Quadrant.of(targeting, duration)) {
      throw new IllegalArgumentException(
          "quadrant " + quadrant.label() + " does not match " + targeting.label() + " and "
              + duration.label());
    }
    if (!Double.isFinite(durationScore)) {
      throw new IllegalArgumentException("durationScore must be finite: " + durationScore);
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
    }
    reasons = List.copyOf(reasons);
  }

  /** The reasons in report form, as one string joined with {@code "; "} (the measures table). */
  public String reasonsText() {
    StringBuilder sb = new StringBuilder(64 * reasons.size());
    for (int i = 0; i < reasons.size(); i++) {
      if (i > 0) {
        sb.append("; ");
      }
      reasons.get(i).appendTo(sb);
    }
    return sb.toString();
  }
}
