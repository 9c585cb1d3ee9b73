package org.polcomp.classify;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One rule that fired for a measure: the rule (from the {@link Rule} registry), what it saw and
 * what it added to the duration score. Targeting rules ({@code T1}-{@code T4}) contribute 0; the
 * duration evidence rules ({@code D1}-{@code D4}) their weight; the verdicts {@code T} and
 * {@code D} say why an axis is unclassified ("no valid target groups", "no duration evidence",
 * "evidence is balanced").
 *
 * @param rule the rule that fired
 * @param text what the rule saw, without the id and the contribution
 * @param contribution what the rule added to the duration score (unrounded; 0 for targeting)
 */
public record Reason(Rule rule, String text, double contribution) {
  public Reason {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(text, "text");
    if (!Double.isFinite(contribution)) {
      throw new IllegalArgumentException("contribution must be finite: " + contribution);
    }
  }

  /** The rule's stable id, as the reports show it ({@code T1}, {@code D2}, {@code D}). */
  public String id() {
    return rule.id();
  }

  /** True for the duration evidence rules, whose contribution counts in the score. */
  public boolean isEvidence() {
    return rule.isEvidence();
  }

  /**
   * The report form: {@code D2 end date 2018-10-31 (-2)}, {@code T1 generic groups only (youth) ->
   * mainstreamed}; evidence shows its contribution, rounded to 3 decimals.
   */
  @Override
  public String toString() {
    return appendTo(new StringBuilder(rule.id().length() + text.length() + 12)).toString();
  }

  /**
   * Appends the report form to {@code sb}: the measures table joins every measure's reasons, and
   * one builder for all of them was a tenth of that table's time less than a String per reason.
   */
  StringBuilder appendTo(StringBuilder sb) {
    sb.append(rule.id()).append(' ').append(text);
    if (isEvidence()) {
      sb.append(" (").append(format(contribution)).append(')');
    }
    return sb;
  }

  /**
   * A number as reports show it: rounded to 3 decimals half up, without trailing zeros, never in
   * exponent form and never {@code -0} ({@code 2}, {@code -0.5}, {@code 1.333}).
   */
  public static String format(double value) {
    // Whole numbers, what a codebook's weights nearly always are, without BigDecimal: below 1e7
    // Double.toString writes them exactly ("-2.0"), so the result is the same (ReasonTest).
    if (value == Math.rint(value) && Math.abs(value) < 1e7) {
      return Long.toString((long) value);
    }
    BigDecimal d = BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP);
    if (d.signum() == 0) {
      return "0";
    }
    return d.stripTrailingZeros().toPlainString();
  }
}
