package org.polcomp.diagnostic;

import java.util.Locale;

/** How bad a diagnostic is: errors make the data invalid, warnings only with {@code --strict}. */
public enum Severity {
  ERROR,
  WARNING;

  /** The lower-case word used in every report format ("error", "warning"). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
