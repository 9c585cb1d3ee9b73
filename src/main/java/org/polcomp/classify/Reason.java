package org.polcomp.classify;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One rule that fired for a measure: its stable code, what it saw and what it added to the duration
 * score. Codes are {@code T1}-{@code T4} (targeting, contribution 0) and {@code D1}-{@code D4}
 * (duration evidence); the axis codes {@code T} and {@code D} carry the verdict when an axis is
 * unclassified for want of rules ("no valid target groups", "no duration evidence", "evidence is
 * balanced").
 *
 * @param rule the stable code
 * @param text what the rule saw, without the code and the contribution
 * @param contribution what the rule added to the duration score (unrounded; 0 for targeting)
 */
public record Reason(String rule, String text, double contribution) {
  public Reason {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(text, "text");
    if (!Double.isFinite(contribution)) {
      throw new IllegalArgumentException("contribution must be finite: " + contribution);
    }
  }

  /** True for the duration evidence rules, whose contribution counts in the score. */
  public boolean isEvidence() {
    // D followed by digits; checked by hand since it runs for every reason of every measure.
    if (rule.length() < 2 || rule.charAt(0) != 'D') {
      return false;
    }
    for (int i = 1; i < rule.length(); i++) {
      if (rule.charAt(i) < '0' || rule.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * The report form: {@code D2 end date 2018-10-31 (-2)}, {@code T1 generic groups only (youth) ->
   * mainstreamed}; evidence shows its contribution, rounded to 3 decimals.
   */
  @Override
  public String toString() {
    return isEvidence() ? rule + " " + text + " (" + format(contribution) + ")" : rule + " " + text;
  }

  /**
   * A number as reports show it: rounded to 3 decimals half up, without trailing zeros, never in
   * exponent form and never {@code -0} ({@code 2}, {@code -0.5}, {@code 1.333}).
   */
  public static String format(double value) {
    BigDecimal d = BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP);
    if (d.signum() == 0) {
      return "0";
    }
    return d.stripTrailingZeros().toPlainString();
  }
}
