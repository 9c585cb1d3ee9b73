package org.polcomp.run;

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
}
