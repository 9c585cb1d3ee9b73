package org.polcomp.model;

import java.util.Optional;

/** Axis 2: how long a measure is meant to last. */
public enum Duration {
  STRUCTURAL("structural"),
  TEMPORARY("temporary"),
  UNCLASSIFIED("unclassified");

  private final String label;

  Duration(String label) {
    this.label = label;
  }

  /** The label as written in files and reports. */
  public String label() {
    return label;
  }

  /** The label for a written value, or empty. */
  public static Optional<Duration> of(String label) {
    for (Duration d : values()) {
      if (d.label.equals(label)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
