package org.polcomp.cli;

/** A usage problem found after picocli parsed the arguments (a missing path, say): exit 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String hint;

  UsageException(String message, String hint) {
    super(message, null, false, false);
    this.hint = hint;
  }

  String hint() {
    return hint;
  }
}
