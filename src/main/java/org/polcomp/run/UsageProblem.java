package org.polcomp.run;

import java.math.BigDecimal;

/**
 * A problem with what the user asked for, found after the arguments were parsed (a missing path,
 * a bad option value): the message and a hint for the user, and no stack trace.
 */
public final class UsageProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String hint;

  /** A problem and, where it helps, how to fix it (or null). */
  public UsageProblem(String message, String hint) {
    super(message, null, false, false);
    this.hint = hint;
  }

  /** How to fix it, or null. */
  public String hint() {
    return hint;
  }

  /**
   * A number of an option as a message shows it, as the user would write it: 1001, 1000.5, and
   * 1E+308 rather than its 309 digits or Java's 1001.0.
   */
  public static String number(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v); // NaN, Infinity: no decimal to show
    }
    BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
    String plain = d.toPlainString();
    return plain.length() <= 20 ? plain : d.toString();
  }
}
